package io.pksorchestrator.cluster;

import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.*;

import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.RejectionReasons;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Validates a creation request against every rule ({@link ClusterRequestValidator}, the same rules the ticketing
 * API applies before it starts a creation), reading plans and existing clusters from the foundation and running
 * creations from the engine. Writes {@code requestValid},
 * {@code rejectionReasons} (a JSON list of messages, {@link RejectionReasons}) and the plan's size for the approval form.
 */
@Component("validateClusterRequestDelegate")
public class ValidateClusterRequestDelegate implements JavaDelegate {

  private final PksGateway pks;
  private final Foundations foundations;

  public ValidateClusterRequestDelegate(PksGateway pks, Foundations foundations) {
    this.pks = pks;
    this.foundations = foundations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClusterRequest request = ClusterRequest.from(execution);
    ClusterRequestValidator.Facts facts;
    try {
      facts = ClusterRequestFacts.read(request, pks, foundations, () -> request.foundation() == null ? List.of()
          : otherRunningCreations(execution, request));
    } catch (RuntimeException e) {
      throw ClusterCreationIncident.of("Validating the request for " + request.describe()
          + " (reading plans and clusters)",
          "that the PKS API of the foundation is reachable and its client credentials are valid.", e);
    }
    PksPlan plan = facts.plan();
    List<String> reasons = ClusterRequestValidator.check(request, facts);

    execution.setVariable(REQUEST_VALID, reasons.isEmpty());
    RejectionReasons.write(execution, reasons);
    if (plan != null) {
      execution.setVariable(PLAN_DESCRIPTION, plan.description());
      execution.setVariable(PLAN_WORKER_INSTANCES, plan.workerInstances());
      execution.setVariable(PLAN_MASTER_INSTANCES, plan.masterInstances());
      execution.setVariable(PLAN_MAX_WORKER_INSTANCES, plan.maxWorkerInstances());
      execution.setVariable(EXPECTED_WORKER_COUNT,
          request.workerCount() != null ? request.workerCount() : plan.workerInstances());
    }
  }

  /** Running creations (any state, also suspended or with incidents) of the same name on the same foundation. */
  private static List<String> otherRunningCreations(DelegateExecution execution, ClusterRequest request) {
    return execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ClusterCreationProcess.KEY)
        .variableValueEquals(CLUSTER_NAME, request.clusterName())
        .variableValueEquals(OperationVariables.FOUNDATION, request.foundation())
        .list().stream()
        .map(ProcessInstance::getId)
        .filter(id -> !id.equals(execution.getProcessInstanceId()))
        .toList();
  }
}
