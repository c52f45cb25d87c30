package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;

import io.pksorchestrator.operations.OperationContract;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.RequestViolation;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ticketing API's contract of a manual {@code PredictiveResizeProcess}: the cluster must exist, the proposal
 * must change its size and stay within its plan's limits ({@link ResizeRules}); the start variables carry the
 * current worker count read from PKS, {@code trigger=manual} and {@code proposedAt=now}.
 */
@Component
public class ManualResizeContract implements OperationContract<ResizeApiRequest> {

  private final PksGateway pks;
  private final Foundations foundations;
  private final Clock clock;

  public ManualResizeContract(PksGateway pks, Foundations foundations, Clock clock) {
    this.pks = pks;
    this.foundations = foundations;
    this.clock = clock;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<RequestViolation> fieldRules(ResizeApiRequest request) {
    return List.of(); // the body's annotations
  }

  @Override
  public List<RequestViolation> foundationRules(ResizeApiRequest request) {
    if (!foundations.isConfigured(request.foundation())) {
      return List.of(RequestViolation.unprocessable("foundation", "'" + request.foundation()
          + "' is not a configured foundation; configured: " + foundations.names().stream().sorted().toList()));
    }
    Optional<PksCluster> cluster = pks.cluster(request.foundation(), request.clusterName());
    if (cluster.isEmpty()) {
      return List.of(RequestViolation.unprocessable("clusterName", "'" + request.clusterName()
          + "' is not a cluster of foundation '" + request.foundation() + "'"));
    }
    List<RequestViolation> violations = new ArrayList<>();
    int current = currentWorkers(cluster.get());
    if (current == request.proposedWorkers()) {
      violations.add(RequestViolation.unprocessable("proposedWorkers", "equals the current worker count " + current
          + " of cluster '" + request.clusterName() + "': nothing to resize"));
    }
    PksPlan plan = pks.plans(request.foundation()).stream()
        .filter(p -> p.name().equals(cluster.get().planName())).findFirst().orElse(null);
    ResizeRules.withinPlan(request.foundation(), plan, request.proposedWorkers()).ifPresent(violations::add);
    return violations;
  }

  @Override
  public String businessKey(ResizeApiRequest request) {
    return PredictiveResizeProcess.businessKey(request.foundation(), request.clusterName());
  }

  @Override
  public List<String> leaseClusters(ResizeApiRequest request) {
    return List.of(request.clusterName());
  }

  /** With the cluster's current worker count as PKS reports it now. */
  @Override
  public Map<String, Object> startVariables(ResizeApiRequest request, String requestedBy) {
    int current = pks.cluster(request.foundation(), request.clusterName()).map(ManualResizeContract::currentWorkers)
        .orElse(0);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(OperationVariables.FOUNDATION, request.foundation());
    vars.put(OperationVariables.REQUESTED_BY, requestedBy);
    if (request.ticketId() != null) {
      vars.put(OperationVariables.TICKET_ID, request.ticketId());
    }
    vars.put(CLUSTER_NAME, request.clusterName());
    vars.put(CURRENT_WORKERS, current);
    vars.put(PROPOSED_WORKERS, request.proposedWorkers());
    vars.put(REASON, request.reason());
    vars.put(TRIGGER, Trigger.MANUAL);
    vars.put(PROPOSED_AT, Date.from(clock.instant()));
    return vars;
  }

  private static int currentWorkers(PksCluster cluster) {
    return cluster.workerInstances() == null ? 0 : cluster.workerInstances();
  }
}
