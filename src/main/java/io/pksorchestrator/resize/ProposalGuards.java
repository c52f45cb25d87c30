package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.operations.ClusterLease;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.platform.Foundations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether the forecasting cycle may start the resize it would propose for a cluster. In this order: another
 * operation holds the cluster (its lease: an upgrade freezes its clusters from approval until each is verified);
 * a resize of the cluster is running; PKS is busy with it or a resize failed recently; an operator rejected a
 * proposal in this direction recently (unless the need moved on by more than the margin); the cluster was resized
 * manually recently (unless the demand now needs more than that size). Human decisions stick; the lease decides.
 */
@Component
public class ProposalGuards {

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
    Optional<ClusterLease> lease = leases.find(mc.foundation(), mc.name());
    if (lease.isPresent()) {
      return suppressed(RecommendationAction.LEASED, "the cluster is held by " + lease.get().describeHolder()
          + " since " + lease.get().acquiredAt() + "; no proposal until that operation has released it",
          lease.get().holderId());
    }
    if (starter.inFlight(mc.foundation(), mc.name())) {
      return suppressed(RecommendationAction.RESIZE_IN_FLIGHT, "a resize of the cluster is already running", null);
    }
    if (mc.cluster().isBusy()) {
      return suppressed(RecommendationAction.HELD, "PKS is busy with the cluster (" + mc.cluster().lastAction() + " "
          + mc.cluster().lastActionState().wire() + ")", null);
    }
    Optional<ResizeOutcomeRecord> failed = outcomes.latest(mc.foundation(), mc.name())
        .filter(o -> OperationOutcome.FAILED.value().equals(o.outcome()))
        .filter(o -> within(mc, o, settings.getFailureBackoff(), wallNow));
    if (failed.isPresent()) {
      return suppressed(RecommendationAction.HELD, "a resize failed at " + failed.get().recordedAt()
          + " (failure-backoff " + settings.getFailureBackoff() + ")", failed.get().processInstanceId());
    }
    ScalingDecision d = p.decision();
    boolean up = d.isScaleUp();
    Optional<ResizeOutcomeRecord> rejected = outcomes.latestRejected(mc.foundation(), mc.name(), up)
        .filter(o -> within(mc, o, settings.getRejectionBackoff(), wallNow))
        .filter(o -> !needMovedOn(o, p, up));
    if (rejected.isPresent()) {
      ResizeOutcomeRecord o = rejected.get();
      return suppressed(RecommendationAction.REJECTION_BACKOFF, "a scale-" + (up ? "up" : "down") + " to "
          + o.toWorkers() + " workers was rejected at " + o.recordedAt() + "; no scale-" + (up ? "up" : "down")
          + " proposal for rejection-backoff " + settings.getRejectionBackoff() + " unless the need moves by more than "
          + Math.round(settings.getRejectionMargin() * 100) + " % (" + need(o.forecastUpperCores(), o.toWorkers())
          + " then, " + need(finite(p.forecastUpperCores()), d.targetWorkers()) + " now)", o.processInstanceId());
    }
    Optional<ResizeOutcomeRecord> manual = outcomes.latestManualResize(mc.foundation(), mc.name())
        .filter(o -> within(mc, o, settings.getManualHold(), wallNow))
        .filter(o -> !(up && o.toWorkers() != null && d.neededNowWorkers() > o.toWorkers()));
    if (manual.isPresent()) {
      ResizeOutcomeRecord o = manual.get();
      return suppressed(RecommendationAction.MANUAL_HOLD, "resized manually to " + o.toWorkers() + " workers at "
          + o.recordedAt() + "; forecast proposals held for manual-hold " + settings.getManualHold() + " unless the"
          + " demand now needs more than " + o.toWorkers() + " workers (it needs " + d.neededNowWorkers() + ")",
          o.processInstanceId());
    }
    return Optional.empty();
  }

  /**
   * Whether the need moved in the rejected direction by more than the margin since the rejection: the forecast's
   * upper quantile when both proposals had one, else the target worker count.
   */
  boolean needMovedOn(ResizeOutcomeRecord rejected, ClusterPlan p, boolean up) {
    double margin = settings.getRejectionMargin();
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

  /** Whether the outcome was recorded less than {@code foundationTime} (converted to wall time) ago. */
  private boolean within(ManagedCluster mc, ResizeOutcomeRecord o, Duration foundationTime, Instant wallNow) {
    Duration wall = foundations.toWallTime(mc.foundation(), foundationTime);
    return o.recordedAt() != null && o.recordedAt().plus(wall).isAfter(wallNow);
  }

  private static String need(Double cores, Integer workers) {
    return cores != null ? String.format(java.util.Locale.ROOT, "%.1f cores", cores) : workers + " workers";
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Optional<ProposalSuppression> suppressed(RecommendationAction kind, String reason, String holder) {
    return Optional.of(new ProposalSuppression(kind, reason, holder));
  }
}
