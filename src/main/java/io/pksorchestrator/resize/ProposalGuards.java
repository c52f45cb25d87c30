package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.operations.ClusterLease;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.platform.Foundations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The resize feature's limiter rules: whether the forecasting cycle may start the resize the planner recommends
 * (the planner's own limits, steps, cooldown, hysteresis and bounds, are in {@code forecast.ScalingLimiter}). The
 * {@link #RULES}, in this order, the first that applies holds the proposal back: another operation holds the
 * cluster (its lease: an upgrade freezes its clusters from approval until each is verified); a resize of the cluster
 * is running; PKS is busy with it; a resize failed recently; an operator rejected a proposal in this direction
 * recently (unless the need moved on by more than the margin); the cluster was resized manually recently (unless the
 * demand now needs more than that size). Human decisions stick; the lease decides. Each rule is a pure function of
 * the {@link Facts} it asks for, which are looked up only when asked.
 */
@Component
public class ProposalGuards {

  /** What the rules may know about a cluster; an implementation looks each up only when a rule asks. */
  interface Facts {

    Optional<ClusterLease> lease();

    boolean resizeInFlight();

    Optional<ResizeOutcomeRecord> latestOutcome();

    Optional<ResizeOutcomeRecord> latestRejected(boolean up);

    Optional<ResizeOutcomeRecord> latestManualResize();

    /** Whether {@code o} was recorded less than {@code foundationTime} (converted to wall time) ago. */
    boolean within(ResizeOutcomeRecord o, Duration foundationTime);
  }

  /** One rule that may hold a proposal back: empty when it does not apply. */
  @FunctionalInterface
  interface Rule {
    Optional<ProposalSuppression> check(ManagedCluster mc, ClusterPlan p, Facts facts, ResizeProperties settings);
  }

  /** Another operation holds the cluster's lease. */
  static final Rule LEASED = (mc, p, facts, settings) -> facts.lease().flatMap(l -> suppressed(
      RecommendationAction.LEASED, "the cluster is held by " + l.describeHolder() + " since " + l.acquiredAt()
          + "; no proposal until that operation has released it", l.holderId()));

  /** A resize of the cluster is running. */
  static final Rule RESIZE_IN_FLIGHT = (mc, p, facts, settings) -> facts.resizeInFlight()
      ? suppressed(RecommendationAction.RESIZE_IN_FLIGHT, "a resize of the cluster is already running", null)
      : Optional.empty();

  /** PKS reports an action in progress on the cluster. */
  static final Rule PKS_BUSY = (mc, p, facts, settings) -> mc.cluster().isBusy()
      ? suppressed(RecommendationAction.HELD, "PKS is busy with the cluster (" + mc.cluster().lastAction() + " "
          + mc.cluster().lastActionState().wire() + ")", null)
      : Optional.empty();

  /** The latest resize failed within {@code failure-backoff}. */
  static final Rule FAILURE_BACKOFF = (mc, p, facts, settings) -> facts.latestOutcome()
      .filter(o -> OperationOutcome.FAILED.value().equals(o.outcome()))
      .filter(o -> facts.within(o, settings.getFailureBackoff()))
      .flatMap(o -> suppressed(RecommendationAction.HELD, "a resize failed at " + o.recordedAt()
          + " (failure-backoff " + settings.getFailureBackoff() + ")", o.processInstanceId()));

  /** A proposal in the same direction was rejected within {@code rejection-backoff} and the need has not moved on. */
  static final Rule REJECTION_BACKOFF = (mc, p, facts, settings) -> {
    ScalingDecision d = p.decision();
    boolean up = d.isScaleUp();
    return facts.latestRejected(up)
        .filter(o -> facts.within(o, settings.getRejectionBackoff()))
        .filter(o -> !needMovedOn(o, p, up, settings.getRejectionMargin()))
        .flatMap(o -> suppressed(RecommendationAction.REJECTION_BACKOFF, "a scale-" + (up ? "up" : "down") + " to "
            + o.toWorkers() + " workers was rejected at " + o.recordedAt() + "; no scale-" + (up ? "up" : "down")
            + " proposal for rejection-backoff " + settings.getRejectionBackoff() + " unless the need moves by more"
            + " than " + Math.round(settings.getRejectionMargin() * 100) + " % (" + need(o.forecastUpperCores(),
            o.toWorkers()) + " then, " + need(finite(p.forecastUpperCores()), d.targetWorkers()) + " now)",
            o.processInstanceId()));
  };

  /** A manual resize within {@code manual-hold}, unless a scale-up's demand now needs more than its size. */
  static final Rule MANUAL_HOLD = (mc, p, facts, settings) -> {
    ScalingDecision d = p.decision();
    return facts.latestManualResize()
        .filter(o -> facts.within(o, settings.getManualHold()))
        .filter(o -> !(d.isScaleUp() && o.toWorkers() != null && d.neededNowWorkers() > o.toWorkers()))
        .flatMap(o -> suppressed(RecommendationAction.MANUAL_HOLD, "resized manually to " + o.toWorkers()
            + " workers at " + o.recordedAt() + "; forecast proposals held for manual-hold " + settings.getManualHold()
            + " unless the demand now needs more than " + o.toWorkers() + " workers (it needs "
            + d.neededNowWorkers() + ")", o.processInstanceId()));
  };

  /** The rules in the order they are checked. */
  static final List<Rule> RULES = List.of(LEASED, RESIZE_IN_FLIGHT, PKS_BUSY, FAILURE_BACKOFF, REJECTION_BACKOFF,
      MANUAL_HOLD);

  private final ClusterLeases leases;
  private final ResizeStarter starter;
  private final ResizeOutcomeStore outcomes;
  private final Foundations foundations;
  private final ResizeProperties settings;

  public ProposalGuards(ClusterLeases leases, ResizeStarter starter, ResizeOutcomeStore outcomes,
      Foundations foundations, ResizeProperties settings) {
    this.leases = leases;
    this.starter = starter;
    this.outcomes = outcomes;
    this.foundations = foundations;
    this.settings = settings;
  }

  /** Empty when the proposal may start; else why not. */
  public Optional<ProposalSuppression> check(ManagedCluster mc, ClusterPlan p, Instant wallNow) {
    Facts facts = new StoredFacts(mc, wallNow);
    for (Rule rule : RULES) {
      Optional<ProposalSuppression> s = rule.check(mc, p, facts, settings);
      if (s.isPresent()) {
        return s;
      }
    }
    return Optional.empty();
  }

  /** The facts from the lease table, the engine and the outcome table, each read when a rule asks. */
  private final class StoredFacts implements Facts {

    private final ManagedCluster mc;
    private final Instant wallNow;

    StoredFacts(ManagedCluster mc, Instant wallNow) {
      this.mc = mc;
      this.wallNow = wallNow;
    }

    @Override
    public Optional<ClusterLease> lease() {
      return leases.find(mc.foundation(), mc.name());
    }

    @Override
    public boolean resizeInFlight() {
      return starter.inFlight(mc.foundation(), mc.name());
    }

    @Override
    public Optional<ResizeOutcomeRecord> latestOutcome() {
      return outcomes.latest(mc.foundation(), mc.name());
    }

    @Override
    public Optional<ResizeOutcomeRecord> latestRejected(boolean up) {
      return outcomes.latestRejected(mc.foundation(), mc.name(), up);
    }

    @Override
    public Optional<ResizeOutcomeRecord> latestManualResize() {
      return outcomes.latestManualResize(mc.foundation(), mc.name());
    }

    @Override
    public boolean within(ResizeOutcomeRecord o, Duration foundationTime) {
      Duration wall = foundations.toWallTime(mc.foundation(), foundationTime);
      return o.recordedAt() != null && o.recordedAt().plus(wall).isAfter(wallNow);
    }
  }

  /**
   * Whether the need moved in the rejected direction by more than the margin since the rejection: the forecast's
   * upper quantile when both proposals had one, else the target worker count.
   */
  static boolean needMovedOn(ResizeOutcomeRecord rejected, ClusterPlan p, boolean up, double margin) {
    Double then = rejected.forecastUpperCores();
    Double now = finite(p.forecastUpperCores());
    if (then == null || now == null) {
      then = rejected.toWorkers() == null ? null : rejected.toWorkers().doubleValue();
      now = (double) p.decision().targetWorkers();
    }
    if (then == null) {
      return true;
    }
    return up ? now > then * (1 + margin) : now < then * (1 - margin);
  }

  private static String need(Double cores, Integer workers) {
    return cores != null ? String.format(Locale.ROOT, "%.1f cores", cores) : workers + " workers";
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Optional<ProposalSuppression> suppressed(RecommendationAction kind, String reason, String holder) {
    return Optional.of(new ProposalSuppression(kind, reason, holder));
  }
}
