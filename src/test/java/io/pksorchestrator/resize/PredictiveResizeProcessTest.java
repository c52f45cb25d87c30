package io.pksorchestrator.resize;

import io.pksorchestrator.fixtures.InMemoryFoundation;
import io.pksorchestrator.fixtures.PksClusterBuilder;
import io.pksorchestrator.platform.pks.PksPlan;
import io.pksorchestrator.operations.OperatorDecision;
import io.pksorchestrator.operations.OperatorInputException;
import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.pksorchestrator.operations.AcquireClusterLeaseDelegate;
import io.pksorchestrator.operations.ClusterLeaseModel;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.operations.FourEyesTaskListener;
import io.pksorchestrator.operations.LeaseHolder;
import io.pksorchestrator.operations.LeaseProperties;
import io.pksorchestrator.operations.ProcessTestLeases;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.platform.bosh.BoshGateway;
import io.pksorchestrator.platform.bosh.BoshInstance;
import io.pksorchestrator.platform.pks.ActionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

/** Every path of PredictiveResizeProcess on the in-memory engine, with fake PKS and BOSH. */
@Deployment(resources = {"bpmn/PredictiveResizeProcess.bpmn", "dmn/ResizeApproval.dmn",
    "forms/predictive-resize-approval.form", "forms/cluster-lease-conflict.form"})
class PredictiveResizeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = io.pksorchestrator.ProcessTestEngine.coverage()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String F = "lab";

  private final InMemoryFoundation foundation = new InMemoryFoundation(F);
  private final InMemoryFoundation.Pks pks = foundation.pks;
  private final BoshGateway bosh = Mockito.mock(BoshGateway.class);
  private final ResizeProperties settings = new ResizeProperties();
  private final List<ResizeOutcomeRecord> recorded = new ArrayList<>();
  private final ClusterLeases leases = ProcessTestLeases.leases();
  private final LeaseProperties leaseSettings = new LeaseProperties();
  private Date now;

  @BeforeEach
  void setUp() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
    now = new Date(1_800_000_000_000L);
    ClockUtil.setCurrentTime(now);
    InMemoryFoundation foundations = foundation;
    pks.plans.addAll(List.of(new PksPlan("p1", "small", "", 3, 1, 10), new PksPlan("p2", "medium", "", 3, 1, 20),
        new PksPlan("p3", "large", "", 3, 3, 50)));
    ResizeOutcomeStore store = Mockito.mock(ResizeOutcomeStore.class);
    Mockito.doAnswer(inv -> recorded.add(inv.getArgument(0))).when(store).record(Mockito.any());
    Mocks.register("jobRetries", new io.pksorchestrator.operations.JobRetries(
        io.pksorchestrator.operations.JobRetryProperties.defaults()));
    Mocks.register("readClusterDelegate", new ReadClusterDelegate(pks, settings, "http://localhost:8080"));
    Mocks.register("checkProposalDelegate", new CheckProposalDelegate(pks, foundations, settings));
    Mocks.register("resizeClusterDelegate", new ResizeClusterDelegate(pks, foundations, settings));
    Mocks.register("checkResizeDelegate", new CheckResizeDelegate(pks));
    Mocks.register("verifyWorkersDelegate", new VerifyWorkersDelegate(bosh));
    Mocks.register("resizeOutcome", new ResizeOutcomeRecorder(store));
    Mocks.register("fourEyesTaskListener", new FourEyesTaskListener());
    Mocks.register("acquireClusterLeaseDelegate", new AcquireClusterLeaseDelegate(leases, foundations, leaseSettings));
    ProcessTestLeases.clear();
    pks.put(F, PksClusterBuilder.cluster("web-staging").plan("medium").workers(3).tags(Map.of("environment", "staging")).build());
    pks.put(F, PksClusterBuilder.cluster("payments-prod").plan("medium").workers(6).tags(Map.of("environment", "production")).build());
    pks.put(F, PksClusterBuilder.cluster("ml-train").plan("medium").workers(4).tags(Map.of()).build());
  }

  @AfterEach
  void tearDown() {
    ProcessTestLeases.clear();
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void smallScaleUpIsAutoApprovedFollowedAndVerified() {
    ProcessInstance pi = start("web-staging", 3, 5);
    execute(job()); // read cluster
    assertThat(pi).hasPassed(TASK_DECIDE_APPROVAL).isWaitingAt(ClusterLeaseModel.TASK_ACQUIRE);
    assertThat(pi).variables().containsEntry(APPROVAL_REQUIRED, false).containsEntry(DIRECTION, "up")
        .containsEntry(FORECAST_CHART_URL, "http://localhost:8080/api/v1/clusters/lab/web-staging/forecast.png?proposed=5");
    assertThat(leases.find(F, "web-staging")).as("no lease before the decision to change").isEmpty();
    execute(job()); // acquire lease
    assertThat(pi).isWaitingAt(TASK_CHECK_PROPOSAL);
    assertThat(leases.find(F, "web-staging")).hasValueSatisfying(l -> {
      assertThat(l.holderId()).isEqualTo(pi.getId());
      assertThat(l.operation()).isEqualTo("resize");
      assertThat(l.businessKey()).isEqualTo("lab/web-staging");
    });
    execute(job()); // check proposal
    execute(job()); // resize
    assertThat(foundation.calls("resizeCluster")).containsExactly("lab/web-staging=5");
    assertThat(pi).isWaitingAt(EVENT_WAIT);
    execute(job()); // timer
    execute(job()); // check: still in progress
    assertThat(pi).hasPassed(TASK_CHECK_RESIZE).isWaitingAt(EVENT_WAIT);
    pks.finishUpdate(F, "web-staging", ActionState.SUCCEEDED);
    workers("uuid-web-staging", 5, 4);
    execute(job()); // timer
    execute(job()); // check: succeeded
    execute(job()); // verify: one still starting
    assertThat(pi).variables().containsEntry(WORKERS_STATE, WorkersState.STARTING);
    assertThat(pi).isWaitingAt(EVENT_WAIT);
    workers("uuid-web-staging", 5, 5);
    execute(job()); // timer
    execute(job()); // check
    execute(job()); // verify
    assertThat(pi).isEnded().hasPassed(END_RESIZED);
    assertThat(pi).variables().containsEntry(OperationVariables.OUTCOME, "resized");
    assertThat(leases.find(F, "web-staging")).as("released once verified").isEmpty();
    assertThat(foundation.calls("resizeCluster")).hasSize(1);
    assertThat(recorded).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo("resized");
      assertThat(r.fromWorkers()).isEqualTo(3);
      assertThat(r.toWorkers()).isEqualTo(5);
      assertThat(r.forecastUpperCores()).isEqualTo(33.5);
    });
  }

  @Test
  void scaleDownNeedsApprovalAndAnApprovedOneIsApplied() {
    ProcessInstance pi = start("ml-train", 4, 2);
    execute(job());
    assertThat(pi).isWaitingAt(TASK_APPROVE);
    assertThat(task()).hasCandidateGroup("platform-operators").hasDueDate(new Date(now.getTime()
        + settings.getApprovalTimeout().toMillis()));
    complete(task(), withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE, OperationVariables.DECISION_COMMENT, "ok"));
    execute(job()); // acquire lease
    execute(job()); // check proposal
    execute(job()); // resize
    pks.finishUpdate(F, "ml-train", ActionState.SUCCEEDED);
    workers("uuid-ml-train", 2, 2);
    execute(job());
    execute(job());
    execute(job());
    assertThat(pi).isEnded().hasPassed(END_RESIZED);
    assertThat(pks.get(F, "ml-train").workerInstances()).isEqualTo(2);
  }

  @Test
  void productionScaleUpNeedsApprovalAndRejectionEndsWithoutActing() {
    ProcessInstance pi = start("payments-prod", 6, 7);
    execute(job());
    assertThat(pi).isWaitingAt(TASK_APPROVE);
    assertThat(pi).variables().containsEntry(PRODUCTION_CLUSTER, true);
    complete(task(), withVariables(OperationVariables.DECISION, OperatorDecision.REJECT, OperationVariables.DECISION_COMMENT,
        "freeze"));
    assertThat(pi).isEnded().hasPassed(END_NOT_APPROVED);
    assertThat(pi).variables().containsEntry(OperationVariables.OUTCOME, "not-approved");
    assertThat(outcomeMessage(pi)).contains("freeze");
    assertThat(foundation.calls("resizeCluster")).isEmpty();
  }

  @Test
  void anApprovalWithoutAnExplicitDecisionOrARejectionWithoutACommentIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = start("payments-prod", 6, 7);
    execute(job());
    // before: an unticked checkbox (approved missing or false) ended the resize "not approved" without a word
    assertThatThrownBy(() -> complete(task(), withVariables(OperationVariables.DECISION_COMMENT, "looks fine")))
        .hasMessageContaining(OperatorInputException.PREFIX)
        .hasMessageContaining("decision (String: 'approve' or 'reject')").hasMessageContaining("decision is missing");
    assertThatThrownBy(() -> complete(task(), withVariables(OperationVariables.DECISION, true)))
        .hasMessageContaining("decision is true (Boolean)");
    assertThatThrownBy(() -> complete(task(), withVariables(OperationVariables.DECISION, OperatorDecision.REJECT)))
        .hasMessageContaining("decisionComment is missing: a rejection needs a comment");
    assertThatThrownBy(() -> complete(task(), withVariables(OperationVariables.DECISION, OperatorDecision.REJECT,
        OperationVariables.DECISION_COMMENT, "  "))).hasMessageContaining("decisionComment is '  ' (blank)");
    assertThat(pi).isWaitingAt(TASK_APPROVE);
    assertThat(foundation.calls("resizeCluster")).isEmpty();
  }

  @Test
  void requesterCannotApproveOwnResize() {
    ProcessInstance pi = start("ml-train", 4, 2, "alice");
    execute(job());
    engine.getIdentityService().setAuthenticatedUserId("alice");
    try {
      assertThatThrownBy(() -> complete(task(), withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE)))
          // the engine wraps the listener's AuthorizationException (ENGINE-03051)
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Four-eyes");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(pi).isWaitingAt(TASK_APPROVE);
  }

  @Test
  void approvalTimeoutEndsWithoutActing() {
    ProcessInstance pi = start("ml-train", 4, 2);
    execute(job());
    assertThat(pi).isWaitingAt(TASK_APPROVE);
    ClockUtil.setCurrentTime(new Date(now.getTime() + Duration.ofHours(3).toMillis()));
    execute(job(BOUNDARY_APPROVAL_TIMEOUT));
    assertThat(pi).isEnded().hasPassed(END_APPROVAL_EXPIRED);
    assertThat(pi).variables().containsEntry(OperationVariables.OUTCOME, "approval-expired");
    assertThat(foundation.calls("resizeCluster")).isEmpty();
  }

  @Test
  void proposalNotMatchingTheClusterIsStaleAtOnce() {
    ProcessInstance pi = start("web-staging", 4, 6); // the cluster has 3 workers
    execute(job());
    assertThat(pi).isEnded().hasPassed(END_STALE).hasNotPassed(TASK_DECIDE_APPROVAL);
    assertThat(pi).variables().containsEntry(OperationVariables.OUTCOME, "stale");
    assertThat(recorded).singleElement().extracting(ResizeOutcomeRecord::outcome).isEqualTo("stale");
  }

  @Test
  void clusterChangedWhileWaitingForApprovalIsStale() {
    ProcessInstance pi = start("ml-train", 4, 2);
    execute(job());
    pks.setWorkers(F, "ml-train", 5);
    complete(task(), withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE));
    execute(job()); // acquire lease
    execute(job());
    assertThat(pi).isEnded().hasPassed(END_STALE);
    assertThat(outcomeMessage(pi)).contains("size changed since the proposal");
    assertThat(foundation.calls("resizeCluster")).isEmpty();
  }

  @Test
  void proposalOlderThanMaxAgeIsStale() {
    ProcessInstance pi = start("ml-train", 4, 2);
    execute(job());
    ClockUtil.setCurrentTime(new Date(now.getTime() + settings.getProposalMaxAge().toMillis() + 1000));
    complete(task(), withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE));
    execute(job()); // acquire lease
    execute(job());
    assertThat(leases.find(F, "ml-train")).as("released when the stale proposal ends").isEmpty();
    assertThat(pi).isEnded().hasPassed(END_STALE);
    assertThat(foundation.calls("resizeCluster")).isEmpty();
  }

  @Test
  void secondResizeOfTheSameClusterIsStale() {
    ProcessInstance first = start("ml-train", 4, 2);
    execute(job());
    assertThat(first).isWaitingAt(TASK_APPROVE);
    ProcessInstance second = start("ml-train", 4, 3);
    execute(job(second));
    assertThat(second).isEnded().hasPassed(END_STALE);
    assertThat(first).isWaitingAt(TASK_APPROVE);
  }

  @Test
  void resizeRefusedByPksFails() {
    pks.rejectResizeWith = "Worker count exceeds the plan maximum";
    ProcessInstance pi = start("web-staging", 3, 5);
    execute(job());
    execute(job());
    execute(job());
    execute(job());
    assertThat(pi).isEnded().hasPassed(BOUNDARY_REJECTED, END_FAILED);
    assertThat(pi).variables().containsEntry(OperationVariables.OUTCOME, "failed");
    assertThat(outcomeMessage(pi)).contains("plan maximum");
  }

  @Test
  void failedPksUpdateFails() {
    ProcessInstance pi = start("web-staging", 3, 5);
    execute(job());
    execute(job());
    execute(job());
    execute(job());
    pks.finishUpdate(F, "web-staging", ActionState.FAILED);
    execute(job());
    execute(job());
    assertThat(pi).isEnded().hasPassed(END_FAILED).hasNotPassed(TASK_VERIFY_WORKERS);
  }

  @Test
  void workersNotRunningBeforeTheDeadlineFail() {
    ProcessInstance pi = start("web-staging", 3, 5);
    execute(job());
    execute(job());
    execute(job());
    execute(job());
    pks.finishUpdate(F, "web-staging", ActionState.SUCCEEDED);
    workers("uuid-web-staging", 5, 3);
    ClockUtil.setCurrentTime(new Date(now.getTime() + settings.getResizeTimeout().toMillis() + 1000));
    execute(job());
    execute(job());
    execute(job());
    assertThat(pi).isEnded().hasPassed(END_FAILED);
    assertThat(outcomeMessage(pi)).contains("3 of 5 worker instances running");
  }

  @Test
  void patchIsNotRepeatedWhenTheClusterIsAlreadyUpdatingToTheTarget() {
    ProcessInstance pi = start("web-staging", 3, 5);
    execute(job());
    execute(job());
    execute(job());
    pks.resizeCluster(F, "web-staging", 5); // a first run of the job that was not committed
    foundation.calls.clear();
    execute(job());
    assertThat(foundation.calls("resizeCluster")).isEmpty();
    assertThat(pi).isWaitingAt(EVENT_WAIT);
  }

  @Test
  void clusterLeasedByAnotherOperationMakesTheResizeWaitUntilItIsReleased() {
    ProcessInstance holder = otherOperationHolding("web-staging");
    ProcessInstance pi = start("web-staging", 3, 5);
    execute(job(pi)); // read cluster: auto-approved
    execute(job(pi)); // acquire lease: held
    assertThat(pi).isWaitingAt(ClusterLeaseModel.EVENT_WAIT);
    assertThat(pi).variables().containsEntry(ClusterLeaseModel.LEASE_STATE, "held")
        .containsEntry(ClusterLeaseModel.LEASE_HOLDER_ID, holder.getId())
        .containsEntry(ClusterLeaseModel.LEASE_HOLDER, "upgrade CHG-9 (operation " + holder.getId() + ")")
        .containsEntry(ClusterLeaseModel.LEASE_BLOCKED_CLUSTER, "lab/web-staging")
        .containsEntry(ClusterLeaseModel.LEASE_POLL_WAIT, "PT1M");
    execute(job(pi)); // poll interval passed
    execute(job(pi)); // still held
    assertThat(pi).isWaitingAt(ClusterLeaseModel.EVENT_WAIT);
    assertThat(foundation.calls("resizeCluster")).isEmpty();

    leases.release(F, "web-staging", holder.getId());
    execute(job(pi)); // poll interval passed
    execute(job(pi)); // acquired
    assertThat(pi).isWaitingAt(TASK_CHECK_PROPOSAL);
    assertThat(leases.find(F, "web-staging")).hasValueSatisfying(l -> assertThat(l.holderId()).isEqualTo(pi.getId()));
    assertThat(runtimeService().getVariable(pi.getId(), ClusterLeaseModel.LEASE_HOLDER)).isNull();
  }

  @Test
  void waitingLongerThanTheLeaseWaitAsksAnOperatorWhoMayWaitAgainThenStop() {
    ProcessInstance holder = otherOperationHolding("web-staging");
    ProcessInstance pi = start("web-staging", 3, 5);
    execute(job(pi));
    execute(job(pi)); // held: the deadline is now + lease-wait
    ClockUtil.setCurrentTime(new Date(now.getTime() + leaseSettings.getLeaseWait().toMillis() + 1000));
    execute(job(pi)); // poll interval passed
    execute(job(pi)); // still held, past the deadline
    assertThat(pi).isWaitingAt(ClusterLeaseModel.TASK_RESOLVE);
    assertThat(task(pi)).hasCandidateGroup("platform-operators");
    complete(task(pi), withVariables(ClusterLeaseModel.LEASE_RESOLUTION, "wait"));
    execute(job(pi)); // a new lease-wait starts from now
    assertThat(pi).isWaitingAt(ClusterLeaseModel.EVENT_WAIT);

    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + leaseSettings.getLeaseWait().toMillis()
        + 1000));
    execute(job(pi));
    execute(job(pi));
    assertThat(pi).isWaitingAt(ClusterLeaseModel.TASK_RESOLVE);
    complete(task(pi), withVariables(ClusterLeaseModel.LEASE_RESOLUTION, "stop"));
    assertThat(pi).isEnded().hasPassed(END_CLUSTER_BUSY);
    assertThat(pi).variables().containsEntry(OperationVariables.OUTCOME, "cluster-busy");
    assertThat(outcomeMessage(pi)).contains("stopped waiting for upgrade CHG-9").contains("nothing changed");
    assertThat(recorded).singleElement().extracting(ResizeOutcomeRecord::outcome).isEqualTo("cluster-busy");
    assertThat(foundation.calls("resizeCluster")).isEmpty();
    assertThat(leases.find(F, "web-staging")).hasValueSatisfying(l -> assertThat(l.holderId())
        .isEqualTo(holder.getId()));
  }

  @Test
  void leaseIsReleasedWhenTheOperationIsDeletedEvenWithoutListeners() {
    ProcessInstance pi = start("web-staging", 3, 5);
    execute(job(pi));
    execute(job(pi));
    assertThat(leases.find(F, "web-staging")).isPresent();
    runtimeService().deleteProcessInstance(pi.getId(), "cancelled by an operator", true);
    assertThat(ProcessTestLeases.jdbc().queryForObject("SELECT COUNT(*) FROM pkso_cluster_lease", Integer.class))
        .isZero();
  }

  /** Another operation (an upgrade) holding the cluster: a live instance that owns the lease row. */
  private ProcessInstance otherOperationHolding(String cluster) {
    ProcessInstance other = start("payments-prod", 6, 7);
    execute(job(other)); // waits at its approval: a live instance
    assertThat(leases.acquire(F, List.of(cluster), new LeaseHolder(other.getId(), LeaseHolder.UPGRADE, "CHG-9"))
        .complete()).isTrue();
    return other;
  }

  private String outcomeMessage(ProcessInstance pi) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(OperationVariables.OUTCOME_MESSAGE).singleResult().getValue();
  }

  private void workers(String uuid, int total, int running) {
    List<BoshInstance> list = new ArrayList<>();
    list.add(new BoshInstance("m0", "master", 0, "z1", List.of(), "running", "vm-m0"));
    for (int i = 0; i < total; i++) {
      list.add(new BoshInstance("w" + i, "worker", i, "z1", List.of(), i < running ? "running" : "starting",
          "vm-w" + i));
    }
    Mockito.when(bosh.instanceDetails(F, "service-instance_" + uuid)).thenReturn(list);
  }

  private ProcessInstance start(String cluster, int current, int proposed) {
    return start(cluster, current, proposed, FORECAST_REQUESTER);
  }

  private ProcessInstance start(String cluster, int current, int proposed, String requestedBy) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(OperationVariables.FOUNDATION, F);
    vars.put(CLUSTER_NAME, cluster);
    vars.put(CURRENT_WORKERS, current);
    vars.put(PROPOSED_WORKERS, proposed);
    vars.put(REASON, "forecast upper 95% 33.5 cores within 15m needs " + proposed + " workers");
    vars.put(TRIGGER, Trigger.FORECAST);
    vars.put(OperationVariables.REQUESTED_BY, requestedBy);
    vars.put(PROPOSED_AT, now);
    vars.put(FORECAST_UPPER_CORES, 33.5);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, businessKey(F, cluster), vars);
    assertThat(pi).isStarted().isWaitingAt(TASK_READ_CLUSTER);
    return pi;
  }
}
