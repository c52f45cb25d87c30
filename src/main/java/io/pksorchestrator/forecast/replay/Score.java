package io.pksorchestrator.forecast.replay;

/**
 * The benchmark's figures of one strategy over the scored minutes (all minutes after the warm-up).
 *
 * @param underTimeShare share of scored minutes with demand > ready nodes x node cores
 * @param unmetDemandShare sum of max(0, demand - supply) / sum of demand
 * @param nodeHours sum of ready nodes / 60
 * @param costVsOracle node hours / the oracle's node hours
 * @param scaleActionsPerDay minutes in which nodes were requested or removed, per scored day
 */
public record Score(double underTimeShare, double unmetDemandShare, double nodeHours, double costVsOracle,
    double scaleActionsPerDay) {

  public static double nodeHours(int[] ready, int warmup) {
    long sum = 0;
    for (int t = warmup; t < ready.length; t++) {
      sum += ready[t];
    }
    return sum / 60.0;
  }

  public static Score of(double[] demand, CapacityRun run, double nodeCores, int warmup, double oracleNodeHours) {
    int scored = demand.length - warmup;
    if (scored <= 0) {
      throw new ReplayException(3, "no minute is scored: the trace (" + demand.length
          + " minutes) is not longer than the warm-up (" + warmup + " minutes); shorten --warmup");
    }
    int under = 0;
    int actions = 0;
    double unmet = 0;
    double total = 0;
    for (int t = warmup; t < demand.length; t++) {
      double supply = run.ready()[t] * nodeCores;
      if (demand[t] > supply) {
        under++;
      }
      unmet += Math.max(0, demand[t] - supply);
      total += demand[t];
      actions += run.action()[t] ? 1 : 0;
    }
    double nodeHours = nodeHours(run.ready(), warmup);
    return new Score((double) under / scored, total == 0 ? 0 : unmet / total, nodeHours,
        oracleNodeHours == 0 ? Double.NaN : nodeHours / oracleNodeHours, actions / (scored / 1440.0));
  }
}
