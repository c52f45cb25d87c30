package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.Forecast;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.Font;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.springframework.stereotype.Component;

/**
 * Renders the forecast chart as PNG (headless JFreeChart): observed demand, the forecast with its band, and the
 * current and proposed capacity (workers x allocatable cores x target utilisation) over time, and the peak of the
 * forecast's upper band within the decision horizon: the demand the proposal is sized for.
 */
@Component
public class ForecastChartRenderer {

  public static final int WIDTH = 760;
  static final int HEIGHT = 380;

  /** The chart as PNG bytes. */
  public byte[] png(ChartData data) {
    XYPlot plot = new XYPlot();
    DateAxis time = new DateAxis("Foundation time (UTC)");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    plot.setDomainAxis(time);
    NumberAxis cores = new NumberAxis("CPU cores");
    cores.setAutoRangeIncludesZero(true);
    plot.setRangeAxis(cores);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);

    plot.setDataset(0, band(data.forecast()));
    DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
    bandRenderer.setSeriesPaint(0, new Color(0x1f77b4));
    bandRenderer.setSeriesFillPaint(0, new Color(0x9ecae1));
    bandRenderer.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
        new float[] {6f, 4f}, 0f));
    plot.setRenderer(0, bandRenderer);

    plot.setDataset(1, demand(data.history()));
    XYLineAndShapeRenderer demandRenderer = new XYLineAndShapeRenderer(true, false);
    demandRenderer.setSeriesPaint(0, new Color(0x333333));
    plot.setRenderer(1, demandRenderer);

    plot.setDataset(2, capacity(data));
    XYStepRenderer capacityRenderer = new XYStepRenderer();
    capacityRenderer.setSeriesPaint(0, new Color(0xd62728));
    capacityRenderer.setSeriesPaint(1, new Color(0x2ca02c));
    capacityRenderer.setSeriesStroke(0, new BasicStroke(2f));
    capacityRenderer.setSeriesStroke(1, new BasicStroke(2f));
    plot.setRenderer(2, capacityRenderer);

    peak(data.forecast(), data.decisionHorizon()).ifPresent(peak -> {
      long t = peak.at().toEpochMilli();
      ValueMarker line = new ValueMarker(t, new Color(0xff7f0e), new BasicStroke(1.5f));
      line.setLabel("Decision horizon peak");
      line.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      line.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      line.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      plot.addDomainMarker(line);
      XYPointerAnnotation note = new XYPointerAnnotation(peak.label(), t, peak.cores(), Math.PI * 0.75);
      note.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
      note.setPaint(new Color(0xff7f0e));
      note.setArrowPaint(new Color(0xff7f0e));
      note.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addAnnotation(note);
    });

    JFreeChart chart = new JFreeChart(data.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the forecast chart '" + data.title() + "'", e);
    }
    return out.toByteArray();
  }

  /** The demand a proposal is sized for: the highest upper band value at a time, within the decision horizon. */
  record Peak(Instant at, double cores) {
    String label() {
      return String.format(Locale.ROOT, "Peak %.1f cores at %s", cores,
          DateTimeFormatter.ofPattern("MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC).format(at));
    }
  }

  /**
   * The forecast's highest upper band value within {@code horizon} from its start (as the planner's
   * {@code Forecast.maxUpper}); empty without a ready forecast or horizon.
   */
  static Optional<Peak> peak(Forecast f, Duration horizon) {
    if (f == null || !f.isReady() || f.upper().length == 0 || horizon == null) {
      return Optional.empty();
    }
    int n = (int) Math.min(f.upper().length, Math.max(1, Math.ceil((double) horizon.toMillis() / f.step().toMillis())));
    int best = -1;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(f.upper()[i]) && (best < 0 || f.upper()[i] > f.upper()[best])) {
        best = i;
      }
    }
    return best < 0 ? Optional.empty()
        : Optional.of(new Peak(f.start().plus(f.step().multipliedBy(best)), f.upper()[best]));
  }

  private static YIntervalSeriesCollection band(Forecast f) {
    YIntervalSeriesCollection c = new YIntervalSeriesCollection();
    if (f == null || !f.isReady()) {
      return c;
    }
    YIntervalSeries s = new YIntervalSeries(String.format("Forecast (%s) with %.0f%% band", f.model(),
        f.upperQuantile() * 100));
    for (int i = 0; i < f.mean().length; i++) {
      long t = f.start().plus(f.step().multipliedBy(i)).toEpochMilli();
      s.add(t, f.mean()[i], f.lower()[i], f.upper()[i]);
    }
    c.addSeries(s);
    return c;
  }

  private static XYSeriesCollection demand(DemandSeries history) {
    XYSeries s = new XYSeries("Demand (pod CPU requests)");
    double[] v = history.values();
    for (int i = 0; i < v.length; i++) {
      if (!Double.isNaN(v[i])) {
        s.add(history.start().plus(history.step().multipliedBy(i)).toEpochMilli(), v[i]);
      }
    }
    return new XYSeriesCollection(s);
  }

  private static XYSeriesCollection capacity(ChartData d) {
    Instant from = d.history().start();
    Instant now = d.history().end();
    Forecast f = d.forecast();
    Instant to = f != null && f.isReady() && f.mean().length > 0
        ? f.start().plus(f.step().multipliedBy(f.mean().length - 1)) : now;
    XYSeriesCollection c = new XYSeriesCollection();
    XYSeries current = new XYSeries("Current capacity (" + d.currentWorkers() + " workers)");
    current.add(from.toEpochMilli(), d.currentWorkers() * d.capacityPerWorker());
    current.add(to.toEpochMilli(), d.currentWorkers() * d.capacityPerWorker());
    c.addSeries(current);
    if (d.proposedWorkers() != null && d.proposedWorkers() != d.currentWorkers()) {
      XYSeries proposed = new XYSeries("Proposed capacity (" + d.proposedWorkers() + " workers)");
      proposed.add(now.toEpochMilli(), d.proposedWorkers() * d.capacityPerWorker());
      proposed.add(to.toEpochMilli(), d.proposedWorkers() * d.capacityPerWorker());
      c.addSeries(proposed);
    }
    return c;
  }
}
