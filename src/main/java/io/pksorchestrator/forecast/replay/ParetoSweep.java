package io.pksorchestrator.forecast.replay;

import io.pksorchestrator.cli.Progress;
import io.pksorchestrator.forecast.BacktestingForecaster;
import io.pksorchestrator.forecast.ForecastSettings;
import io.pksorchestrator.forecast.HeadroomScalingPlanner;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code replay --sweep}: the cost / under-provisioning trade-off of the product over a range of upper quantiles
 * (each held fixed: the headroom budget does not lower it) and of the static buffer over a range of offsets, on the
 * same trace and scoring as {@code replay}, so that a user sees it on their own workload and picks a setting.
 */
final class ParetoSweep {

  /** Upper quantiles the product runs with ({@code pkso.forecast.upper-quantile}). */
  static final double[] QUANTILES = {0.6, 0.7, 0.8, 0.9, 0.95, 0.98};
  /** Buffer offsets b (reactive on demand x (1 + b)); b = 0 is the reactive baseline. */
  static final double[] OFFSETS = {0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0};

  /**
   * One point of a curve.
   *
   * @param strategy {@code product} (fixed quantile), {@code product_default} (the default settings, quantile
   *     lowered by the headroom budget where the band is wide) or {@code buffer}
   * @param setting the upper quantile (product) or the offset b (buffer)
   */
  record Point(String strategy, double setting, Score score) {}

  private ParetoSweep() {}

  /** Units of progress of a sweep: the product's decisions of every run. */
  static long work(int minutes, ReplayOptions options) {
    return (long) ProductReplay.decisions(minutes, options) * (QUANTILES.length + 1);
  }

  static List<Point> run(Instant start, double[] demand, ReplayOptions options, Progress progress) {
    double nc = options.nodeCores();
    int w = options.warmup();
    double oracleHours = Score.nodeHours(Baselines.oracle(demand, nc, options.minNodes()).ready(), w);
    List<Point> points = new ArrayList<>();
    ForecastSettings defaults = ForecastSettings.defaults();
    points.add(new Point("product_default", defaults.upperQuantile(),
        product(defaults, start, demand, options, progress, oracleHours)));
    for (double q : QUANTILES) {
      ForecastSettings fixed = new ForecastSettings(defaults.minHistory(), defaults.maxHistory(), q,
          defaults.lowerQuantile(), defaults.backtestWindow(), defaults.refitEvery(), defaults.headroomBudget(), q);
      points.add(new Point("product", q, product(fixed, start, demand, options, progress, oracleHours)));
    }
    for (double b : OFFSETS) {
      CapacityRun run = Baselines.reactive(Baselines.buffered(demand, b), nc, options.minNodes(),
          options.leadTime());
      points.add(new Point("buffer", b, Score.of(demand, run, nc, w, oracleHours)));
    }
    return points;
  }

  private static Score product(ForecastSettings settings, Instant start, double[] demand, ReplayOptions options,
      Progress progress, double oracleHours) {
    BacktestingForecaster forecaster = new BacktestingForecaster(settings);
    ProductReplay.Result r = new ProductReplay(forecaster, new HeadroomScalingPlanner(), settings.maxHistory(),
        settings.refitEvery(), Runtime.getRuntime().availableProcessors()).run(start, demand, options, progress);
    return Score.of(demand, r.run(), options.nodeCores(), options.warmup(), oracleHours);
  }

  /** {@code strategy,setting,cost_vs_oracle,under_time_share,unmet_demand_share,node_hours,scale_actions_per_day}. */
  static void writeCsv(Path file, List<Point> points) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("strategy,setting,cost_vs_oracle,under_time_share,unmet_demand_share,node_hours,"
          + "scale_actions_per_day\n");
      for (Point p : points) {
        Score s = p.score();
        out.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s%n", p.strategy(), p.setting(), s.costVsOracle(),
            s.underTimeShare(), s.unmetDemandShare(), s.nodeHours(), s.scaleActionsPerDay()));
      }
    }
  }

  /** Cost against under-provisioned time share: the product's curve, the buffer's curve, the default setting. */
  static void writeChart(Path file, List<Point> points) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeries product = new XYSeries("product, upper quantile fixed (0.6 ... 0.98)", false);
    XYSeries buffer = new XYSeries("static buffer b (0 = reactive ... 3)", false);
    XYSeries chosen = new XYSeries("product, default settings", false);
    for (Point p : points) {
      XYSeries s = switch (p.strategy()) {
        case "product" -> product;
        case "buffer" -> buffer;
        default -> chosen;
      };
      s.add(p.score().costVsOracle(), p.score().underTimeShare());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(product);
    data.addSeries(buffer);
    data.addSeries(chosen);
    JFreeChart chart = ChartFactory.createXYLineChart("Cost vs under-provisioned time (lower left is better)",
        "cost (node hours / oracle's)", "under-provisioned time share", data, PlotOrientation.VERTICAL, true, false,
        false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
    renderer.setSeriesPaint(1, new Color(0xd6, 0x27, 0x28));
    renderer.setSeriesPaint(2, new Color(0x2c, 0xa0, 0x2c));
    renderer.setSeriesLinesVisible(2, false);
    for (int i = 0; i < 3; i++) {
      renderer.setSeriesStroke(i, new BasicStroke(1.5f));
    }
    plot.setRenderer(renderer);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 700);
  }
}
