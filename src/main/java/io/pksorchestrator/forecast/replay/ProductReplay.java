package io.pksorchestrator.forecast.replay;

import io.pksorchestrator.cli.Progress;
import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.Forecaster;
import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.forecast.BenchmarkScalingPolicy;
import io.pksorchestrator.forecast.ScalingInput;
import io.pksorchestrator.forecast.ScalingPlanner;
import io.pksorchestrator.forecast.ScalingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The product's side of the replay: what the resize process does, in simulated time. At every interval boundary
 * (minutes since the trace start divisible by the interval) it builds the history the product would have (the
 * production history step of 5 minutes, each sample the MAXIMUM of the 1-minute demand in the 5 minutes ending at
 * that sample, the last sample ending at the decision minute), forecasts over lead time plus interval, plans with
 * the default policy for the options, and requests or removes nodes. Nothing after the decision minute is seen.
 */
public final class ProductReplay {

  /** The production history step. */
  public static final int HISTORY_STEP_MINUTES = 5;

  /**
   * @param run nodes per minute
   * @param forecastMean point forecast for each minute from the latest decision before it (NaN when none)
   * @param forecastUpper upper quantile likewise
   * @param models how often each model was chosen
   */
  public record Result(CapacityRun run, double[] forecastMean, double[] forecastUpper, Map<String, Integer> models) {}

  private final Forecaster forecaster;
  private final ScalingPlanner planner;
  private final Duration maxHistory;
  private final Duration segment;
  private final int threads;

  /** @param maxHistory longest history handed to the forecaster (the forecaster's own window) */
  public ProductReplay(Forecaster forecaster, ScalingPlanner planner, Duration maxHistory) {
    this(forecaster, planner, maxHistory, null, 1);
  }

  /**
   * @param maxHistory longest history handed to the forecaster (the forecaster's own window)
   * @param segment decisions within one segment of this length (counted from the trace start) share one series key,
   *     so fitted parameters are reused within a segment and never across; {@code null}: one key for the whole run.
   *     With the forecaster's refit period the fits happen on the production schedule (once per period).
   * @param threads forecasts of different segments run on this many threads (1: all on the calling thread); the
   *     decisions themselves stay sequential, so the results do not depend on the number of threads
   */
  public ProductReplay(Forecaster forecaster, ScalingPlanner planner, Duration maxHistory, Duration segment,
      int threads) {
    this.forecaster = forecaster;
    this.planner = planner;
    this.maxHistory = maxHistory;
    this.segment = segment;
    this.threads = Math.max(1, threads);
  }

  public Result run(Instant start, double[] demand, ReplayOptions options) {
    return run(start, demand, options, Progress.none());
  }

  /** Number of decisions {@link #run} makes (one per interval boundary): the units of its progress. */
  public static int decisions(int minutes, ReplayOptions options) {
    return (minutes + options.interval() - 1) / options.interval();
  }

  /** The history the product has at minute {@code t}: 5-minute maxima, the newest ending at {@code t}. */
  private static DemandSeries history(Instant start, double[] blockMax, int t, int maxBlocks) {
    int step = HISTORY_STEP_MINUTES;
    Instant now = start.plus(Duration.ofMinutes(t));
    // complete 5-minute blocks ending at t, t-5, ...: the newest sample covers minutes t-4..t
    // (before the first complete block, the newest sample is the maximum of the minutes so far)
    int blocks = Math.max(1, Math.min(maxBlocks, (t + 1) / step));
    double[] values = new double[blocks];
    for (int k = 0; k < blocks; k++) {
      values[blocks - 1 - k] = blockMax[t - k * step];
    }
    return new DemandSeries(now.minus(Duration.ofMinutes((long) (blocks - 1) * step)), Duration.ofMinutes(step),
        values);
  }

  /**
   * Every decision's forecast. A forecast depends only on the trace up to its minute and on the parameters fitted
   * within its segment, so segments are independent and run in parallel; within a segment they run in order.
   */
  private Forecast[] forecasts(Instant start, double[] blockMax, int interval, int maxBlocks, Duration horizon,
      Progress progress) {
    int n = blockMax.length;
    int count = (n + interval - 1) / interval;
    Forecast[] out = new Forecast[count];
    long segmentMinutes = segment == null ? Long.MAX_VALUE : Math.max(1, segment.toMinutes());
    List<int[]> ranges = new ArrayList<>();
    int from = 0;
    for (int d = 1; d <= count; d++) {
      if (d == count || (long) d * interval / segmentMinutes != (long) (d - 1) * interval / segmentMinutes) {
        ranges.add(new int[] {from, d});
        from = d;
      }
    }
    Consumer<int[]> forecastRange = r -> {
      String key = "replay/" + (long) r[0] * interval / segmentMinutes;
      for (int d = r[0]; d < r[1]; d++) {
        out[d] = forecaster.forecast(key, history(start, blockMax, d * interval, maxBlocks), horizon);
        progress.advance();
      }
    };
    if (threads == 1 || ranges.size() == 1) {
      ranges.forEach(forecastRange);
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, ranges.size()), r -> {
      Thread thread = new Thread(r, "replay-forecast");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int[] r : ranges) {
        done.add(pool.submit(() -> forecastRange.accept(r)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replay interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  /** As {@link #run(Instant, double[], ReplayOptions)}, advancing {@code progress} by one per decision. */
  public Result run(Instant start, double[] demand, ReplayOptions options, Progress progress) {
    int n = demand.length;
    int step = HISTORY_STEP_MINUTES;
    double[] blockMax = new double[n];
    for (int e = 0; e < n; e++) {
      double m = demand[e];
      for (int i = Math.max(0, e - step + 1); i < e; i++) {
        m = Math.max(m, demand[i]);
      }
      blockMax[e] = m;
    }
    ScalingPolicy policy = BenchmarkScalingPolicy.policy(options.nodeCores(), options.minNodes(), Integer.MAX_VALUE / 2,
        Duration.ofMinutes(options.leadTime()), Duration.ofMinutes(options.interval()));
    Duration horizon = Duration.ofMinutes(options.leadTime() + options.interval());
    int maxBlocks = (int) (maxHistory.toMinutes() / step);
    Forecast[] forecasts = forecasts(start, blockMax, options.interval(), maxBlocks, horizon, progress);
    int[] ready = new int[n];
    int[] pendingNodes = new int[n];
    boolean[] action = new boolean[n];
    double[] mean = new double[n];
    double[] upper = new double[n];
    Arrays.fill(mean, Double.NaN);
    Arrays.fill(upper, Double.NaN);
    Map<String, Integer> models = new TreeMap<>();
    NodePool pool = new NodePool(Baselines.required(demand[0], options.nodeCores(), options.minNodes()),
        options.leadTime());
    Instant lastUp = null;
    Instant lastDown = null;
    for (int t = 0; t < n; t++) {
      pool.promote(t);
      if (t % options.interval() == 0) {
        Instant now = start.plus(Duration.ofMinutes(t));
        DemandSeries history = history(start, blockMax, t, maxBlocks);
        Forecast forecast = forecasts[t / options.interval()];
        models.merge(forecast.model(), 1, Integer::sum);
        ScalingDecision d = planner.plan(new ScalingInput(now, pool.ready() + pool.pending(), history, forecast,
            lastUp, lastDown), policy);
        int change = d.targetWorkers() - d.currentWorkers();
        if (change > 0) {
          pool.request(change, t);
          lastUp = now;
        } else if (change < 0) {
          pool.remove(-change);
          lastDown = now;
        }
        action[t] = change != 0;
        if (forecast.isReady()) {
          for (int m = t + 1; m <= Math.min(n - 1, t + options.interval()); m++) {
            int h = Math.min(forecast.mean().length - 1, (m - t - 1) / step);
            mean[m] = forecast.mean()[h];
            upper[m] = forecast.upper()[h];
          }
        }
      }
      ready[t] = pool.ready();
      pendingNodes[t] = pool.pending();
    }
    return new Result(new CapacityRun(ready, pendingNodes, action), mean, upper, models);
  }
}
