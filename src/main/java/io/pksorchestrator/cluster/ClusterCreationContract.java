package io.pksorchestrator.cluster;

import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.CLUSTER_NAME;
import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.EXTERNAL_HOSTNAME;
import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.PLAN_NAME;
import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.WORKER_COUNT;

import io.pksorchestrator.operations.OperationContract;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.RequestViolation;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksGateway;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ticketing API's contract of {@code ClusterCreationProcess}: the foundation rules of
 * {@link ClusterRequestValidator} (foundation, plan, worker limit, a name already in use) before anything starts,
 * and the start variables. Running creations of the same name are left to the process (the validation step
 * rejects the later one): a creation waiting for its approval holds no lease, and a repeated request must get its
 * operation, not a refusal.
 */
@Component
public class ClusterCreationContract implements OperationContract<ClusterCreationApiRequest> {

  private final PksGateway pks;
  private final Foundations foundations;

  public ClusterCreationContract(PksGateway pks, Foundations foundations) {
    this.pks = pks;
    this.foundations = foundations;
  }

  @Override
  public String processKey() {
    return ClusterCreationProcess.KEY;
  }

  @Override
  public List<RequestViolation> fieldRules(ClusterCreationApiRequest request) {
    return List.of(); // the body's annotations are the name rules (NameRules)
  }

  @Override
  public List<RequestViolation> foundationRules(ClusterCreationApiRequest request) {
    ClusterRequest r = request.toProcessRequest(null);
    return ClusterRequestValidator.foundationViolations(r, ClusterRequestFacts.read(r, pks, foundations, List::of));
  }

  @Override
  public String businessKey(ClusterCreationApiRequest request) {
    return request.toProcessRequest(null).businessKey();
  }

  @Override
  public List<String> leaseClusters(ClusterCreationApiRequest request) {
    return List.of(request.clusterName());
  }

  @Override
  public Map<String, Object> startVariables(ClusterCreationApiRequest request, String requestedBy) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(OperationVariables.FOUNDATION, request.foundation());
    vars.put(OperationVariables.REQUESTED_BY, requestedBy);
    if (request.ticketId() != null) {
      vars.put(OperationVariables.TICKET_ID, request.ticketId());
    }
    vars.put(CLUSTER_NAME, request.clusterName());
    vars.put(PLAN_NAME, request.planName());
    if (request.workerCount() != null) {
      vars.put(WORKER_COUNT, request.workerCount());
    }
    vars.put(EXTERNAL_HOSTNAME, request.externalHostname());
    return vars;
  }
}
