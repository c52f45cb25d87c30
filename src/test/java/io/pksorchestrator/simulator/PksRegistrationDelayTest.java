package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.pksorchestrator.cluster.CheckClusterCreationDelegate;
import io.pksorchestrator.cluster.CheckClusterDeletionDelegate;
import io.pksorchestrator.cluster.ClusterCreationProcess.Variables;
import io.pksorchestrator.cluster.ClusterCreationProperties;
import io.pksorchestrator.cluster.ClusterCreationSettings;
import io.pksorchestrator.cluster.CreateClusterDelegate;
import io.pksorchestrator.cluster.DeleteFailedClusterDelegate;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.resize.CheckResizeDelegate;
import io.pksorchestrator.resize.PredictiveResizeProcess;
import io.pksorchestrator.resize.ResizeClusterDelegate;
import io.pksorchestrator.resize.ResizeProperties;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 2, production delegates against the simulator over HTTP: PKS does not register an action at once
 * (the simulator shows the previous action, or 404 for a new cluster, for {@code durations.registration}). The
 * resize check waits for {@code last_action} UPDATE before it judges state and worker count, and fails with a
 * clear reason when the update is never registered; the creation and deletion checks do not take the
 * not-yet-registered answers for a result either.
 */
class PksRegistrationDelayTest {

  private static final Duration REGISTRATION = Duration.ofSeconds(90);

  private final TestSimulator sim = TestSimulator.fresh();
  private final LabGateways lab = new LabGateways(sim);
  private final Map<String, Object> vars = new HashMap<>();
  private final DelegateExecution execution = execution(vars);

  @AfterEach
  void restore() {
    if (!sim.foundation.properties().getDurations().getRegistration().equals(REGISTRATION)) {
      sim.foundation.properties().getDurations().setRegistration(REGISTRATION);
      sim.foundation.reset();
    }
  }

  @Test
  void resizeCheckWaitsForTheUpdateToBeRegistered() throws Exception {
    resizeVariables("web-staging", 3, 5);
    new ResizeClusterDelegate(lab.pks, lab.foundations, new ResizeProperties()).execute(execution);
    CheckResizeDelegate check = new CheckResizeDelegate(lab.pks);

    check.execute(execution);
    assertThat(vars.get(PredictiveResizeProcess.Variables.RESIZE_STATE)).as("previous CREATE succeeded with 3 workers shows")
        .isEqualTo(PredictiveResizeProcess.ResizeState.IN_PROGRESS);

    sim.advance(REGISTRATION);
    check.execute(execution);
    assertThat(vars.get(PredictiveResizeProcess.Variables.RESIZE_STATE)).isEqualTo(PredictiveResizeProcess.ResizeState.IN_PROGRESS);

    sim.advance(Duration.ofMinutes(4));
    check.execute(execution);
    assertThat(vars.get(PredictiveResizeProcess.Variables.RESIZE_STATE)).isEqualTo(PredictiveResizeProcess.ResizeState.SUCCEEDED);
  }

  @Test
  void anUpdateNeverRegisteredFailsTheResizeAfterTheRegistrationTimeout() throws Exception {
    sim.foundation.properties().getDurations().setRegistration(Duration.ofHours(6));
    sim.foundation.reset();
    resizeVariables("web-staging", 3, 5);
    new ResizeClusterDelegate(lab.pks, lab.foundations, new ResizeProperties()).execute(execution);
    CheckResizeDelegate check = new CheckResizeDelegate(lab.pks);
    check.execute(execution);
    assertThat(vars.get(PredictiveResizeProcess.Variables.RESIZE_STATE)).isEqualTo(PredictiveResizeProcess.ResizeState.IN_PROGRESS);

    vars.put(PredictiveResizeProcess.Variables.RESIZE_REGISTRATION_DEADLINE, new Date(System.currentTimeMillis() - 1000));
    check.execute(execution);

    assertThat(vars.get(PredictiveResizeProcess.Variables.RESIZE_STATE)).isEqualTo(PredictiveResizeProcess.ResizeState.FAILED);
    assertThat((String) vars.get(PredictiveResizeProcess.Variables.FAILURE_REASON)).contains("did not register the update")
        .contains("CREATE succeeded").contains("pkso.resize.registration-timeout");
  }

  @Test
  void creationCheckTakesTheEarly404ForNotRegisteredYet() throws Exception {
    ClusterCreationSettings settings = new ClusterCreationSettings(ClusterCreationProperties.defaults(),
        lab.foundations);
    vars.put(OperationVariables.FOUNDATION, LabGateways.F);
    vars.put(Variables.CLUSTER_NAME, "fresh");
    vars.put(Variables.PLAN_NAME, "small");
    vars.put(Variables.WORKER_COUNT, 1);
    vars.put(Variables.EXTERNAL_HOSTNAME, "fresh.lab.local");
    vars.put(Variables.EXPECTED_WORKER_COUNT, 1);
    new CreateClusterDelegate(lab.pks, settings).execute(execution);

    new CheckClusterCreationDelegate(lab.pks).execute(execution);
    assertThat(vars.get(Variables.CREATION_STATUS)).as("404 right after the POST")
        .isEqualTo(io.pksorchestrator.cluster.ClusterCreationProcess.CreationStatus.IN_PROGRESS);

    sim.advance(REGISTRATION.plusMinutes(11));
    new CheckClusterCreationDelegate(lab.pks).execute(execution);
    assertThat(vars.get(Variables.CREATION_STATUS))
        .isEqualTo(io.pksorchestrator.cluster.ClusterCreationProcess.CreationStatus.SUCCEEDED);

    // right after the DELETE the cluster still shows CREATE succeeded: not judged before registration
    new DeleteFailedClusterDelegate(lab.pks, settings).execute(execution);
    new CheckClusterDeletionDelegate(lab.pks).execute(execution);
    assertThat(vars.get(Variables.DELETION_STATUS))
        .isEqualTo(io.pksorchestrator.cluster.ClusterCreationProcess.DeletionStatus.IN_PROGRESS);
    sim.advance(REGISTRATION.plusMinutes(6));
    new CheckClusterDeletionDelegate(lab.pks).execute(execution);
    assertThat(vars.get(Variables.DELETION_STATUS))
        .isEqualTo(io.pksorchestrator.cluster.ClusterCreationProcess.DeletionStatus.GONE);
  }

  private void resizeVariables(String cluster, int current, int proposed) {
    vars.put(OperationVariables.FOUNDATION, LabGateways.F);
    vars.put(PredictiveResizeProcess.Variables.CLUSTER_NAME, cluster);
    vars.put(PredictiveResizeProcess.Variables.CURRENT_WORKERS, current);
    vars.put(PredictiveResizeProcess.Variables.PROPOSED_WORKERS, proposed);
  }

  private static DelegateExecution execution(Map<String, Object> vars) {
    DelegateExecution ex = mock(DelegateExecution.class);
    when(ex.getVariable(anyString())).thenAnswer(i -> vars.get(i.<String>getArgument(0)));
    doAnswer(i -> vars.put(i.getArgument(0), i.getArgument(1))).when(ex).setVariable(anyString(), org.mockito.ArgumentMatchers.any());
    when(ex.getProcessInstanceId()).thenReturn("pi-registration-test");
    return ex;
  }
}
