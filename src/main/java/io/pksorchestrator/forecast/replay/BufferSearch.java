package io.pksorchestrator.forecast.replay;

/**
 * Finds the buffer {@code b} for which the reactive baseline on demand x (1 + b) costs the given node hours, by
 * bisection (node hours grow with b). b may be negative when the target is cheaper than plain reactive.
 */
public final class BufferSearch {

  /** The buffer found and its run. */
  public record Result(double b, CapacityRun run, double nodeHours) {}

  private static final double LOWEST = -0.95;
  private static final double HIGHEST = 64;

  private BufferSearch() {}

  public static Result find(double[] demand, double nodeCores, int minNodes, int leadTime, int warmup,
      double targetNodeHours) {
    double lo = LOWEST;
    double hi = 1;
    while (hoursAt(demand, hi, nodeCores, minNodes, leadTime, warmup) < targetNodeHours && hi < HIGHEST) {
      lo = hi;
      hi *= 2;
    }
    Result best = null;
    for (int i = 0; i < 60 && hi - lo > 1e-7; i++) {
      double mid = (lo + hi) / 2;
      Result r = run(demand, mid, nodeCores, minNodes, leadTime, warmup);
      if (best == null || Math.abs(r.nodeHours() - targetNodeHours) < Math.abs(best.nodeHours() - targetNodeHours)) {
        best = r;
      }
      if (r.nodeHours() < targetNodeHours) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    for (double edge : new double[] {lo, hi}) {
      Result r = run(demand, edge, nodeCores, minNodes, leadTime, warmup);
      if (best == null || Math.abs(r.nodeHours() - targetNodeHours) < Math.abs(best.nodeHours() - targetNodeHours)) {
        best = r;
      }
    }
    return best;
  }

  private static double hoursAt(double[] demand, double b, double nodeCores, int minNodes, int leadTime,
      int warmup) {
    return run(demand, b, nodeCores, minNodes, leadTime, warmup).nodeHours();
  }

  private static Result run(double[] demand, double b, double nodeCores, int minNodes, int leadTime, int warmup) {
    CapacityRun run = Baselines.reactive(Baselines.buffered(demand, b), nodeCores, minNodes, leadTime);
    return new Result(b, run, Score.nodeHours(run.ready(), warmup));
  }
}
