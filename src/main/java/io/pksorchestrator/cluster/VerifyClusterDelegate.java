package io.pksorchestrator.cluster;

import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.*;

import io.pksorchestrator.platform.FoundationNotFoundException;
import io.pksorchestrator.platform.bosh.BoshGateway;
import io.pksorchestrator.platform.bosh.BoshInstance;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Verifies a cluster PKS reports as created: its BOSH deployment {@code service-instance_<uuid>} has the plan's
 * masters and the expected workers, all {@code running}; PKS reports the expected worker count; and the cluster's
 * API endpoint answers with the requested external hostname. The kubeconfig is discarded inside
 * {@link PksGateway#clusterApiServer}; only the host is compared. Writes {@code clusterVerified} and, when not
 * verified, every problem found in {@code failureReason}.
 */
@Component("verifyClusterDelegate")
public class VerifyClusterDelegate implements JavaDelegate {

  static final String MASTER_GROUP = "master";
  static final String WORKER_GROUP = "worker";

  private final PksGateway pks;
  private final BoshGateway bosh;

  public VerifyClusterDelegate(PksGateway pks, BoshGateway bosh) {
    this.pks = pks;
    this.bosh = bosh;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClusterRequest r = ClusterRequest.from(execution);
    int expectedWorkers = ((Number) execution.getVariable(EXPECTED_WORKER_COUNT)).intValue();
    Number masters = (Number) execution.getVariable(PLAN_MASTER_INSTANCES);
    String uuid = (String) execution.getVariable(CLUSTER_UUID);
    List<String> problems = new ArrayList<>();
    try {
      PksCluster cluster = pks.cluster(r.foundation(), r.clusterName()).orElse(null);
      if (cluster == null) {
        problems.add("PKS no longer knows the cluster.");
      } else {
        if (cluster.workerInstances() != null && cluster.workerInstances() != expectedWorkers) {
          problems.add("PKS reports " + cluster.workerInstances() + " workers, " + expectedWorkers + " were asked.");
        }
        checkInstances(r.foundation(), cluster.boshDeploymentName(), masters, expectedWorkers, problems);
        checkApiServer(r, problems);
      }
    } catch (RuntimeException e) {
      throw ClusterCreationIncident.of("Verifying " + r.describe() + " (uuid " + uuid + ", BOSH deployment"
          + " service-instance_" + uuid + ")",
          "that the PKS API and the BOSH Director are reachable and their client credentials are valid.", e);
    }
    execution.setVariable(CLUSTER_VERIFIED, problems.isEmpty());
    if (!problems.isEmpty()) {
      execution.setVariable(FAILURE_REASON, "Verification failed: " + String.join(" ", problems));
    }
  }

  private void checkInstances(String foundation, String deployment, Number masters, int workers,
      List<String> problems) {
    List<BoshInstance> instances;
    try {
      instances = bosh.instanceDetails(foundation, deployment);
    } catch (FoundationNotFoundException e) {
      problems.add("BOSH has no deployment " + deployment + ".");
      return;
    }
    checkGroup(instances, MASTER_GROUP, deployment, masters == null ? null : masters.intValue(), problems);
    checkGroup(instances, WORKER_GROUP, deployment, workers, problems);
  }

  private static void checkGroup(List<BoshInstance> instances, String group, String deployment, Integer expected,
      List<String> problems) {
    List<BoshInstance> members = instances.stream().filter(i -> group.equals(i.group())).toList();
    if (members.isEmpty() || (expected != null && members.size() != expected)) {
      problems.add("BOSH deployment " + deployment + " has " + members.size() + " " + group + " instances, "
          + (expected == null ? "at least 1" : expected) + " expected.");
    }
    List<String> notRunning = members.stream().filter(i -> !i.isRunning())
        .map(i -> group + "/" + i.id() + " is " + i.jobState()).toList();
    if (!notRunning.isEmpty()) {
      problems.add("Not running in " + deployment + ": " + String.join(", ", notRunning) + ".");
    }
  }

  private void checkApiServer(ClusterRequest r, List<String> problems) {
    URI server = pks.clusterApiServer(r.foundation(), r.clusterName());
    if (server == null || server.getHost() == null) {
      problems.add("The cluster's API endpoint did not answer with a server address.");
    } else if (!server.getHost().equalsIgnoreCase(r.externalHostname())) {
      problems.add("The cluster's API server is " + server.getHost() + ", " + r.externalHostname()
          + " was asked.");
    }
  }
}
