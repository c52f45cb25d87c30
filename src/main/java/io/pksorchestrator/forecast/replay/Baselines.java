package io.pksorchestrator.forecast.replay;

/** The reference strategies of the replay benchmark, exactly as the benchmark defines them. */
public final class Baselines {

  /** Minutes the reactive baseline waits after a scale-up, and its look-back for the scale-down peak. */
  static final int REACTIVE_DELAY = 10;

  private Baselines() {}

  /** Required nodes for demand {@code d}: max(min-nodes, ceil(d / node-cores)). */
  public static int required(double d, double nodeCores, int minNodes) {
    return Math.max(minNodes, (int) Math.ceil(d / nodeCores));
  }

  /** Oracle: the required nodes at every minute (the physical limit). */
  public static CapacityRun oracle(double[] demand, double nodeCores, int minNodes) {
    int n = demand.length;
    int[] ready = new int[n];
    boolean[] action = new boolean[n];
    for (int t = 0; t < n; t++) {
      ready[t] = required(demand[t], nodeCores, minNodes);
      action[t] = t > 0 && ready[t] != ready[t - 1];
    }
    return new CapacityRun(ready, new int[n], action);
  }

  /**
   * Reactive, like the Kubernetes Cluster Autoscaler: each minute, if the required nodes exceed ready plus
   * requested, request the difference; scale down to the required nodes of the last 10 minutes' peak once 10
   * minutes have passed since the last scale-up and nothing is pending. Starts with the required nodes of minute 0.
   */
  public static CapacityRun reactive(double[] demand, double nodeCores, int minNodes, int leadTime) {
    int n = demand.length;
    int[] ready = new int[n];
    int[] pendingNodes = new int[n];
    boolean[] action = new boolean[n];
    NodePool pool = new NodePool(required(demand[0], nodeCores, minNodes), leadTime);
    int lastScaleUp = Integer.MIN_VALUE;
    for (int t = 0; t < n; t++) {
      pool.promote(t);
      int needed = required(demand[t], nodeCores, minNodes);
      if (needed > pool.ready() + pool.pending()) {
        pool.request(needed - pool.ready() - pool.pending(), t);
        lastScaleUp = t;
        action[t] = true;
      } else if ((lastScaleUp == Integer.MIN_VALUE || t - lastScaleUp >= REACTIVE_DELAY) && pool.pending() == 0) {
        double peak = demand[t];
        for (int i = Math.max(0, t - REACTIVE_DELAY + 1); i < t; i++) {
          peak = Math.max(peak, demand[i]);
        }
        int down = required(peak, nodeCores, minNodes);
        if (down < pool.ready()) {
          pool.shrinkReadyTo(down);
          action[t] = true;
        }
      }
      ready[t] = pool.ready();
      pendingNodes[t] = pool.pending();
    }
    return new CapacityRun(ready, pendingNodes, action);
  }

  /** The demand scaled by {@code 1 + b}. */
  public static double[] buffered(double[] demand, double b) {
    double[] out = new double[demand.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = demand[i] * (1 + b);
    }
    return out;
  }
}
