package io.pksorchestrator.forecast.replay;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Draws demand and the capacity of the product and of the reactive baseline (headless PNG). */
final class ReplayChart {

  private static final int MAX_POINTS = 4000;

  private ReplayChart() {}

  static void write(Path file, Instant start, double[] demand, int[] product, int[] reactive, double nodeCores,
      int from) throws IOException {
    System.setProperty("java.awt.headless", "true");
    int bucket = Math.max(1, (demand.length - from) / MAX_POINTS);
    TimeSeries d = new TimeSeries("demand (cores)");
    TimeSeries p = new TimeSeries("product capacity (cores)");
    TimeSeries r = new TimeSeries("reactive capacity (cores)");
    for (int t = from; t < demand.length; t += bucket) {
      double dm = 0;
      double pm = Double.MAX_VALUE;
      double rm = Double.MAX_VALUE;
      for (int i = t; i < Math.min(demand.length, t + bucket); i++) {
        dm = Math.max(dm, demand[i]);
        pm = Math.min(pm, product[i] * nodeCores);
        rm = Math.min(rm, reactive[i] * nodeCores);
      }
      FixedMillisecond at = new FixedMillisecond(new Date(start.toEpochMilli() + 60_000L * t));
      d.add(at, dm);
      p.add(at, pm);
      r.add(at, rm);
    }
    TimeSeriesCollection data = new TimeSeriesCollection();
    data.addSeries(d);
    data.addSeries(p);
    data.addSeries(r);
    JFreeChart chart = ChartFactory.createTimeSeriesChart("Replay (scored period; peak demand and lowest capacity"
        + (bucket > 1 ? " per " + bucket + " min" : "") + ")", "time (UTC)", "cores", data, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, new Color(0x33, 0x33, 0x33));
    renderer.setSeriesPaint(1, new Color(0x1f, 0x77, 0xb4));
    renderer.setSeriesPaint(2, new Color(0xd6, 0x27, 0x28));
    for (int i = 0; i < 3; i++) {
      renderer.setSeriesStroke(i, new BasicStroke(1.0f));
    }
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1600, 600);
  }
}
