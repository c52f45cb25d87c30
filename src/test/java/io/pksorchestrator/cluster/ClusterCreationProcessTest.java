package io.pksorchestrator.cluster;

import io.pksorchestrator.fixtures.InMemoryFoundation;
import io.pksorchestrator.platform.pks.PksPlan;
import io.pksorchestrator.operations.OperatorDecision;
import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.pksorchestrator.cluster.ClusterCreationProcess.Elements;
import io.pksorchestrator.cluster.ClusterCreationProcess.Resolution;
import io.pksorchestrator.operations.AcquireClusterLeaseDelegate;
import io.pksorchestrator.operations.ClusterLeaseModel;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.operations.FourEyesTaskListener;
import io.pksorchestrator.operations.LeaseHolder;
import io.pksorchestrator.operations.LeaseProperties;
import io.pksorchestrator.operations.ProcessTestLeases;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.OperatorGroups;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import io.pksorchestrator.platform.RetryableFoundationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the cluster creation model on the in-memory engine, with the real delegates and fake gateways. */
@Deployment(resources = {"bpmn/ClusterCreationProcess.bpmn", "forms/cluster-creation-start.form",
    "forms/cluster-creation-approval.form", "forms/cluster-creation-failure.form", "forms/cluster-lease-conflict.form"})
class ClusterCreationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      io.pksorchestrator.ProcessTestEngine.coverage().assertClassCoverageAtLeast(1.0).build();

  static final String FOUNDATION = "lab";
  static final String REQUESTER = "rita";
  static final String APPROVER = "otto";

  ProcessEngine engine;
  InMemoryFoundation foundations;
  InMemoryFoundation.Pks pks;
  InMemoryFoundation.Bosh bosh;
  ClusterCreationProperties properties;
  final ClusterLeases leases = ProcessTestLeases.leases();
  final LeaseProperties leaseSettings = new LeaseProperties();

  @BeforeEach
  void registerDelegates() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(extension.getProcessEngine());
    foundations = new InMemoryFoundation(FOUNDATION).foundation("fast", 60);
    pks = foundations.pks;
    bosh = foundations.bosh;
    pks.plans.addAll(List.of(new PksPlan("plan-1", "small", "Small: 1 master, 3 workers", 3, 1, 10),
        new PksPlan("plan-2", "medium", "Medium: 3 masters, 5 workers", 5, 3, null)));
    properties = ClusterCreationProperties.defaults();
    ClusterCreationSettings settings = new ClusterCreationSettings(properties, foundations);
    Mocks.register("jobRetries", new io.pksorchestrator.operations.JobRetries(
        io.pksorchestrator.operations.JobRetryProperties.defaults()));
    Mocks.register("clusterCreationSettings", settings);
    Mocks.register("clusterCreationBusinessKeyListener", new ClusterCreationBusinessKeyListener());
    Mocks.register("validateClusterRequestDelegate", new ValidateClusterRequestDelegate(pks, foundations));
    Mocks.register("escalateClusterApprovalDelegate", new EscalateApprovalDelegate());
    Mocks.register("fourEyesTaskListener", new FourEyesTaskListener());
    Mocks.register("createClusterDelegate", new CreateClusterDelegate(pks, settings));
    Mocks.register("checkClusterCreationDelegate", new CheckClusterCreationDelegate(pks));
    Mocks.register("verifyClusterDelegate", new VerifyClusterDelegate(pks, bosh));
    Mocks.register("deleteFailedClusterDelegate", new DeleteFailedClusterDelegate(pks, settings));
    Mocks.register("checkClusterDeletionDelegate", new CheckClusterDeletionDelegate(pks));
    Mocks.register("clusterCreationOutcomeListener", new ClusterCreationOutcomeListener());
    Mocks.register("acquireClusterLeaseDelegate", new AcquireClusterLeaseDelegate(leases, foundations,
        leaseSettings));
    ProcessTestLeases.clear();
  }

  @AfterEach
  void reset() {
    ProcessTestLeases.clear();
    Mocks.reset();
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  // ---------------------------------------------------------------- happy path

  @Test
  void validApprovedRequestEndsWithAVerifiedCluster() {
    ProcessInstance pi = start(request("team-a", 4, "TICKET-1"));
    assertThat(pi.getBusinessKey()).isEqualTo("TICKET-1");

    validate(pi);
    Task approval = approvalTask(pi);
    assertThat(approval.getDueDate()).isNotNull();
    assertThat(candidateGroups(approval)).containsExactly(OperatorGroups.OPERATORS);
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).containsEntry(PLAN_WORKER_INSTANCES, 3)
        .containsEntry(PLAN_MASTER_INSTANCES, 1).containsEntry(PLAN_MAX_WORKER_INSTANCES, 10)
        .containsEntry(EXPECTED_WORKER_COUNT, 4);
    approve(approval, true, "fine");
    assertThat(leases.find(FOUNDATION, "team-a")).as("the name is leased from the decision to create")
        .hasValueSatisfying(l -> {
          assertThat(l.holderId()).isEqualTo(pi.getId());
          assertThat(l.operation()).isEqualTo("creation");
          assertThat(l.businessKey()).isEqualTo("TICKET-1");
        });

    runCreationToSuccess(pi, "team-a", 1, 4);
    assertThat(leases.find(FOUNDATION, "team-a")).as("released once verified").isEmpty();

    assertThat(pi).isEnded().hasPassed(Elements.VERIFY).hasPassed(Elements.END_CREATED);
    assertOutcome(pi, OperationOutcome.CREATED, "Cluster 'team-a' on foundation 'lab' created with 4 workers");
    assertThat(foundations.calls("createCluster")).hasSize(1);
    assertThat(pks.get(FOUNDATION, "team-a").tags()).containsEntry(CreateClusterDelegate.REQUEST_TAG, pi.getId());
    assertThat(historicVariable(pi, CLUSTER_UUID)).isEqualTo(pks.get(FOUNDATION, "team-a").uuid());
  }

  @Test
  void withoutTicketTheClusterNameIsTheBusinessKeyAndThePlanDefaultTheWorkerCount() {
    ProcessInstance pi = start(request("team-b", null, null));
    assertThat(pi.getBusinessKey()).isEqualTo("team-b");
    validate(pi);
    approve(approvalTask(pi), true, null);
    runCreationToSuccess(pi, "team-b", 1, 3);
    assertThat(pi).isEnded().hasPassed(Elements.END_CREATED);
    assertThat(pks.get(FOUNDATION, "team-b").workerInstances()).isEqualTo(3);
  }

  // ---------------------------------------------------------------- validation

  @Test
  void invalidNameUnknownPlanAndMissingHostnameAreAllReportedWithoutAnApprovalTask() {
    Map<String, Object> vars = request("Team_A-is-a-far-too-long-cluster-name-for-pks", 2, "T-2");
    vars.put(PLAN_NAME, "huge");
    vars.remove(EXTERNAL_HOSTNAME);
    ProcessInstance pi = start(vars);
    validate(pi);

    assertThat(pi).isEnded().hasPassed(Elements.END_REJECTED).hasNotPassed(Elements.APPROVE);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    String reasons = reasons(pi);
    assertThat(reasons.split("\n")).hasSize(4);
    assertThat(reasons).contains("at most 40").contains("not a DNS-1123 label").contains("Plan 'huge' does not exist")
        .contains("No external hostname");
    assertOutcome(pi, OperationOutcome.REJECTED, "rejected: Cluster name");
    assertThat(foundations.calls("createCluster")).hasSize(0);
  }

  @Test
  void existingClusterTooManyWorkersAndARunningCreationAreAllReported() {
    ProcessInstance first = start(request("team-c", 2, "T-3"));
    validate(first);
    assertThat(first).isWaitingAt(Elements.APPROVE);

    pks.addForeignCluster(FOUNDATION, "team-c", "small", "other.example.com", 3);
    ProcessInstance second = start(request("team-c", 11, "T-4"));
    validate(second);

    assertThat(second).isEnded().hasPassed(Elements.END_REJECTED);
    String reasons = reasons(second);
    assertThat(reasons.split("\n")).hasSize(3);
    assertThat(reasons).contains("Worker count 11 is outside plan 'small' limits (1..10)")
        .contains("already exists").contains("in progress (process instance " + first.getId() + ")");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(second.getId()).count()).isZero();
  }

  @Test
  void unconfiguredFoundationAndZeroWorkersAreRejected() {
    Map<String, Object> vars = request("team-d", 0, null);
    vars.put(OperationVariables.FOUNDATION, "nowhere");
    ProcessInstance pi = start(vars);
    validate(pi);
    assertThat(pi).isEnded().hasPassed(Elements.END_REJECTED);
    assertThat(reasons(pi)).contains("Foundation 'nowhere' is not configured");

    ProcessInstance zero = start(request("team-d", 0, null));
    validate(zero);
    assertThat(reasons(zero))
        .isEqualTo("Worker count 0 is outside plan 'small' limits (1..10).");
  }

  @Test
  void foundationOutageEndsInAnIncidentThatSaysWhatWasAttemptedAndWhatToCheck() {
    pks.plansOutage = new RetryableFoundationException(FOUNDATION, 503, "GET /v1/plans on foundation 'lab': 503", null);
    ProcessInstance pi = start(request("team-q", 2, null));
    for (int attempt = 1; attempt <= 6; attempt++) { // first try and the five retries of the cycle
      assertThatThrownBy(() -> execute(job(Elements.VALIDATE))).hasMessageContaining("503");
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(Elements.VALIDATE);
    assertThat(incident.getIncidentMessage())
        .contains("Validating the request for cluster 'team-q' on foundation 'lab'")
        .contains("GET /v1/plans on foundation 'lab': 503").contains("Check: that the PKS API");
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
  }

  // ---------------------------------------------------------------- approval

  @Test
  void notApprovedEndsWithoutCreating() {
    ProcessInstance pi = start(request("team-e", 2, "T-5"));
    validate(pi);
    approve(approvalTask(pi), false, "Use the shared cluster");
    assertThat(pi).isEnded().hasPassed(Elements.END_NOT_APPROVED);
    assertOutcome(pi, OperationOutcome.NOT_APPROVED, "not approved: Use the shared cluster");
    assertThat(foundations.calls("createCluster")).hasSize(0);
  }

  @Test
  void requesterCannotApproveOwnRequest() {
    ProcessInstance pi = start(request("team-f", 2, "T-6"));
    validate(pi);
    Task approval = approvalTask(pi);
    engine.getIdentityService().setAuthenticatedUserId(REQUESTER);
    assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(), Map.of(OperationVariables.DECISION, OperatorDecision.APPROVE)))
        // the engine wraps a task listener's exception (ENGINE-03051); the AuthorizationException is in the chain
        .satisfies(e -> assertThat(causalChain(e)).hasAtLeastOneElementOfType(AuthorizationException.class))
        .hasMessageContaining("Four-eyes rule").hasMessageContaining(REQUESTER);
    engine.getIdentityService().clearAuthentication();
    assertThat(pi).isWaitingAt(Elements.APPROVE);
    assertThat(engine.getTaskService().createTaskQuery().taskId(approval.getId()).count()).isOne();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), OperationVariables.DECISION)).isNull();
  }

  @Test
  void overdueApprovalIsEscalatedToLeadsAndCanStillBeApproved() {
    ProcessInstance pi = start(request("team-g", 2, "T-7"));
    validate(pi);
    Job escalation = job(Elements.TIMER_ESCALATION);
    assertThat(escalation.getDuedate()).isCloseTo(plus(properties.approvalEscalation()), 5_000);
    execute(escalation);

    Task approval = approvalTask(pi);
    assertThat(candidateGroups(approval)).containsExactlyInAnyOrder(OperatorGroups.OPERATORS, OperatorGroups.LEADS);
    assertThat(approval.getPriority()).isEqualTo(EscalateApprovalDelegate.ESCALATED_PRIORITY);
    assertThat(pi).hasPassed(Elements.END_ESCALATED).isWaitingAt(Elements.APPROVE);

    approve(approval, true, "lead approved");
    runCreationToSuccess(pi, "team-g", 1, 2);
    assertThat(pi).isEnded().hasPassed(Elements.END_CREATED);
  }

  @Test
  void unansweredApprovalExpires() {
    ProcessInstance pi = start(request("team-h", 2, "T-8"));
    validate(pi);
    Job expiry = job(Elements.TIMER_EXPIRY);
    assertThat(expiry.getDuedate()).isCloseTo(plus(properties.approvalExpiry()), 5_000);
    execute(expiry);
    assertThat(pi).isEnded().hasPassed(Elements.END_EXPIRED).hasNotPassed(Elements.CREATE);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    assertOutcome(pi, OperationOutcome.APPROVAL_EXPIRED, "not approved in time");
  }

  // ---------------------------------------------------------------- creation

  @Test
  void lostCreateResponseIsRetriedWithoutASecondCluster() {
    ProcessInstance pi = approvedRequest("team-i", 2);
    pks.loseNextCreateResponse = true;
    Job create = job(Elements.CREATE);
    assertThatThrownBy(() -> execute(create)).hasMessageContaining("Creating cluster 'team-i' on foundation 'lab'")
        .hasMessageContaining("read timed out").hasMessageContaining("Check:");
    Job retried = job(Elements.CREATE);
    assertThat(retried.getRetries()).isEqualTo(5); // PT10S,PT1M,PT5M,PT15M,PT30M: five more tries
    assertThat(retried.getDuedate()).isAfter(ClockUtil.getCurrentTime());

    execute(retried); // the create delegate runs a second time
    assertThat(foundations.calls("createCluster")).hasSize(1);
    assertThat(pks.all(FOUNDATION)).hasSize(1);
    assertThat(pi).isWaitingAt(Elements.TIMER_CREATION_CHECK);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), CLUSTER_UUID))
        .isEqualTo(pks.get(FOUNDATION, "team-i").uuid());
    followToSuccess(pi, "team-i", 1, 2);
    assertThat(pi).isEnded().hasPassed(Elements.END_CREATED);
  }

  @Test
  void aDifferentClusterThatTookTheNameIsNeverTakenOver() {
    ProcessInstance pi = approvedRequest("team-j", 2);
    io.pksorchestrator.platform.pks.PksCluster foreign = pks.addForeignCluster(FOUNDATION, "team-j", "small", "team-j.k8s.example.com", 7);
    execute(job(Elements.CREATE));
    assertThat(pi).isEnded().hasPassed(Elements.END_NAME_TAKEN).hasNotPassed(Elements.RESOLVE);
    assertThat(foundations.calls("createCluster")).hasSize(0);
    assertThat(pks.get(FOUNDATION, "team-j")).isEqualTo(foreign);
    assertOutcome(pi, OperationOutcome.FAILED, "A different cluster named 'team-j'");
  }

  @Test
  void failedCreationIsRetriedByTheOperatorAndThenSucceeds() {
    ProcessInstance pi = approvedRequest("team-k", 2);
    execute(job(Elements.CREATE));
    String firstUuid = pks.get(FOUNDATION, "team-k").uuid();
    pks.fail(FOUNDATION, "team-k");
    poll(pi);
    Task resolve = resolveTask(pi);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), FAILURE_REASON).toString())
        .contains("PKS reports the creation failed: Instance provisioning failed");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), LAST_ACTION_DESCRIPTION).toString())
        .startsWith("Instance provisioning failed");
    engine.getTaskService().complete(resolve.getId(), Map.of(RESOLUTION, Resolution.RETRY));

    execute(job(Elements.DELETE));
    assertThat(pks.get(FOUNDATION, "team-k").lastAction()).isEqualTo("DELETE");
    pollDeletion(pi); // still deleting: loops
    assertThat(pi).isWaitingAt(Elements.TIMER_DELETION_CHECK);
    pks.finishDeletion(FOUNDATION, "team-k");
    pollDeletion(pi);

    runCreationToSuccess(pi, "team-k", 1, 2);
    assertThat(pi).isEnded().hasPassed(Elements.GATEWAY_RETRY).hasPassed(Elements.END_CREATED);
    assertThat(foundations.calls("createCluster")).hasSize(2);
    assertThat(pks.get(FOUNDATION, "team-k").uuid()).isNotEqualTo(firstUuid);
  }

  @Test
  void failedCreationIsDeletedOnRequest() {
    ProcessInstance pi = approvedRequest("team-l", 2);
    execute(job(Elements.CREATE));
    pks.fail(FOUNDATION, "team-l");
    poll(pi);
    engine.getTaskService().complete(resolveTask(pi).getId(), Map.of(RESOLUTION, Resolution.DELETE));
    execute(job(Elements.DELETE));
    pks.finishDeletion(FOUNDATION, "team-l");
    pollDeletion(pi);
    assertThat(pi).isEnded().hasPassed(Elements.END_DELETED).hasNotPassed(Elements.END_CREATED);
    assertThat(pks.all(FOUNDATION)).isEmpty();
    assertOutcome(pi, OperationOutcome.FAILED, "the failed cluster was deleted");
  }

  @Test
  void stuckDeletionReturnsToTheOperatorWhoKeepsTheCluster() {
    ProcessInstance pi = approvedRequest("team-m", 2);
    execute(job(Elements.CREATE));
    pks.fail(FOUNDATION, "team-m");
    poll(pi);
    engine.getTaskService().complete(resolveTask(pi).getId(), Map.of(RESOLUTION, Resolution.DELETE));
    execute(job(Elements.DELETE));
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime()
        + properties.deletionDeadline().plusMinutes(1).toMillis()));
    pollDeletion(pi);

    Task again = resolveTask(pi);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), FAILURE_REASON).toString())
        .contains("did not finish before its deadline");
    engine.getTaskService().complete(again.getId(), Map.of(RESOLUTION, Resolution.KEEP));
    assertThat(pi).isEnded().hasPassed(Elements.END_KEPT);
    assertThat(pks.all(FOUNDATION)).containsKey("team-m");
    assertOutcome(pi, OperationOutcome.FAILED, "kept for investigation");
  }

  @Test
  void creationPastItsDeadlineGoesToTheOperator() {
    ProcessInstance pi = approvedRequest("team-n", 2);
    execute(job(Elements.CREATE));
    Date deadline = (Date) engine.getRuntimeService().getVariable(pi.getId(), CREATION_DEADLINE);
    assertThat(deadline).isCloseTo(plus(properties.creationDeadline()), 5_000);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), POLL_INTERVAL)).isEqualTo("PT30S");
    poll(pi); // in progress, before the deadline: loops
    assertThat(pi).isWaitingAt(Elements.TIMER_CREATION_CHECK);
    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 1_000));
    poll(pi);
    resolveTask(pi);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), CREATION_STATUS)).isEqualTo("deadline-passed");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), FAILURE_REASON).toString())
        .contains("did not finish before its deadline").contains("in progress");
  }

  @Test
  void aFastFoundationGetsScaledPollIntervalAndDeadline() {
    Map<String, Object> vars = request("team-o", 2, null);
    vars.put(OperationVariables.FOUNDATION, "fast");
    ProcessInstance pi = start(vars);
    validate(pi);
    approve(approvalTask(pi), true, null);
    execute(job(Elements.CREATE));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), POLL_INTERVAL)).isEqualTo("PT1S"); // floor
    assertThat((Date) engine.getRuntimeService().getVariable(pi.getId(), CREATION_DEADLINE))
        .isCloseTo(plus(Duration.ofSeconds(45)), 5_000);
  }

  // ---------------------------------------------------------------- verification

  @Test
  void failedVerificationGoesToTheOperatorWithTheReasons() {
    ProcessInstance pi = approvedRequest("team-p", 3);
    execute(job(Elements.CREATE));
    pks.succeed(FOUNDATION, "team-p");
    bosh.deploy("service-instance_" + pks.get(FOUNDATION, "team-p").uuid(), 1, 2, "running");
    bosh.instances.get("service-instance_" + pks.get(FOUNDATION, "team-p").uuid()).set(1,
        new io.pksorchestrator.platform.bosh.BoshInstance("w0", "worker", 0, "az1", List.of(), "failing", "vm"));
    pks.apiServerHost = "wrong.example.com";
    poll(pi);
    execute(job(Elements.VERIFY));

    resolveTask(pi);
    assertThat(pi).hasPassed(Elements.VERIFY).isWaitingAt(Elements.RESOLVE);
    String reason = engine.getRuntimeService().getVariable(pi.getId(), FAILURE_REASON).toString();
    assertThat(reason).startsWith("Verification failed:").contains("has 2 worker instances, 3 expected")
        .contains("worker/w0 is failing").contains("API server is wrong.example.com");
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys("kubeconfig");
  }

  // ---------------------------------------------------------------- cluster lease

  @Test
  void aCreationWaitsWhileAnotherOperationHoldsTheNameThenCreates() {
    ProcessInstance holder = otherOperationHolding("team-r");
    ProcessInstance pi = start(request("team-r", 2, "T-20"));
    validate(pi);
    approveOnly(approvalTask(pi), true, null);
    execute(job(ClusterLeaseModel.TASK_ACQUIRE, pi));
    assertThat(pi).isWaitingAt(ClusterLeaseModel.EVENT_WAIT);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), ClusterLeaseModel.LEASE_HOLDER))
        .isEqualTo("creation T-19 (operation " + holder.getId() + ")");
    assertThat(foundations.calls("createCluster")).hasSize(0);

    ClockUtil.setCurrentTime(plus(leaseSettings.getLeaseWait().plusMinutes(1)));
    execute(job(ClusterLeaseModel.EVENT_WAIT, pi));
    execute(job(ClusterLeaseModel.TASK_ACQUIRE, pi));
    Task conflict = task(ClusterLeaseModel.TASK_RESOLVE, pi);
    assertThat(candidateGroups(conflict)).containsExactly(OperatorGroups.OPERATORS);
    engine.getTaskService().complete(conflict.getId(), Map.of(ClusterLeaseModel.LEASE_RESOLUTION, "wait"));
    execute(job(ClusterLeaseModel.TASK_ACQUIRE, pi));
    assertThat(pi).isWaitingAt(ClusterLeaseModel.EVENT_WAIT);

    leases.releaseAll(holder.getId());
    execute(job(ClusterLeaseModel.EVENT_WAIT, pi));
    execute(job(ClusterLeaseModel.TASK_ACQUIRE, pi));
    assertThat(pi).isWaitingAt(Elements.CREATE);
    runCreationToSuccess(pi, "team-r", 1, 2);
    assertThat(pi).isEnded().hasPassed(Elements.END_CREATED);
    assertThat(foundations.calls("createCluster")).hasSize(1);
  }

  @Test
  void anOperatorMayStopACreationWaitingForTheName() {
    otherOperationHolding("team-s");
    ProcessInstance pi = start(request("team-s", 2, "T-21"));
    validate(pi);
    approveOnly(approvalTask(pi), true, null);
    execute(job(ClusterLeaseModel.TASK_ACQUIRE, pi));
    ClockUtil.setCurrentTime(plus(leaseSettings.getLeaseWait().plusMinutes(1)));
    execute(job(ClusterLeaseModel.EVENT_WAIT, pi));
    execute(job(ClusterLeaseModel.TASK_ACQUIRE, pi));
    engine.getTaskService().complete(task(ClusterLeaseModel.TASK_RESOLVE, pi).getId(),
        Map.of(ClusterLeaseModel.LEASE_RESOLUTION, "stop"));
    assertThat(pi).isEnded().hasPassed(Elements.END_CLUSTER_BUSY).hasNotPassed(Elements.CREATE);
    assertOutcome(pi, OperationOutcome.CLUSTER_BUSY, "not created: creation T-19 (operation");
    assertThat(foundations.calls("createCluster")).hasSize(0);
  }

  @Test
  void theLeaseIsReleasedWhenTheCreationIsDeleted() {
    ProcessInstance pi = approvedRequest("team-t", 2);
    assertThat(leases.find(FOUNDATION, "team-t")).isPresent();
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "request withdrawn", true, true);
    assertThat(leases.find(FOUNDATION, "team-t")).isEmpty();
    assertThat(ProcessTestLeases.jdbc().queryForObject("SELECT COUNT(*) FROM pkso_cluster_lease", Integer.class))
        .isZero();
  }

  /** A live operation (a creation of another name, waiting for approval) that holds the lease of {@code name}. */
  private ProcessInstance otherOperationHolding(String name) {
    ProcessInstance other = start(request(name + "-other", 2, "T-19"));
    validate(other);
    assertThat(leases.acquire(FOUNDATION, List.of(name), new LeaseHolder(other.getId(), LeaseHolder.CREATION,
        "T-19")).complete()).isTrue();
    return other;
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, Object> request(String name, Integer workers, String ticket) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(OperationVariables.FOUNDATION, FOUNDATION);
    vars.put(CLUSTER_NAME, name);
    vars.put(PLAN_NAME, "small");
    if (workers != null) {
      vars.put(WORKER_COUNT, workers.longValue()); // REST clients typically send Long
    }
    vars.put(EXTERNAL_HOSTNAME, name + ".k8s.example.com");
    vars.put(OperationVariables.REQUESTED_BY, REQUESTER);
    if (ticket != null) {
      vars.put(OperationVariables.TICKET_ID, ticket);
    }
    return vars;
  }

  private ProcessInstance start(Map<String, Object> vars) {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(ClusterCreationProcess.KEY, vars);
    assertThat(pi).isWaitingAt(Elements.VALIDATE);
    return pi;
  }

  private void validate(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Elements.VALIDATE);
    execute(job(Elements.VALIDATE));
  }

  private ProcessInstance approvedRequest(String name, int workers) {
    ProcessInstance pi = start(request(name, workers, null));
    validate(pi);
    approve(approvalTask(pi), true, null);
    assertThat(pi).isWaitingAt(Elements.CREATE);
    return pi;
  }

  private Task approvalTask(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Elements.APPROVE);
    return task(Elements.APPROVE, pi);
  }

  private Task resolveTask(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Elements.RESOLVE);
    Task t = task(Elements.RESOLVE, pi);
    assertThat(candidateGroups(t)).containsExactly(OperatorGroups.OPERATORS);
    return t;
  }

  /** Approves (or not); an approved request then takes its cluster lease (free in these tests). */
  private void approve(Task approval, boolean approved, String comment) {
    approveOnly(approval, approved, comment);
    if (approved) {
      Job acquire = engine.getManagementService().createJobQuery().processInstanceId(approval.getProcessInstanceId())
          .activityId(ClusterLeaseModel.TASK_ACQUIRE).singleResult();
      engine.getManagementService().executeJob(acquire.getId());
    }
  }

  private void approveOnly(Task approval, boolean approved, String comment) {
    engine.getIdentityService().setAuthenticatedUserId(APPROVER);
    try {
      Map<String, Object> vars = new HashMap<>();
      vars.put(OperationVariables.DECISION, approved ? OperatorDecision.APPROVE : OperatorDecision.REJECT);
      vars.put(OperationVariables.DECISION_COMMENT, comment);
      engine.getTaskService().complete(approval.getId(), vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Create, one in-progress poll, success, one poll, verification against healthy BOSH instances. */
  private void runCreationToSuccess(ProcessInstance pi, String name, int masters, int workers) {
    execute(job(Elements.CREATE));
    followToSuccess(pi, name, masters, workers);
  }

  private void followToSuccess(ProcessInstance pi, String name, int masters, int workers) {
    poll(pi);
    assertThat(pi).isWaitingAt(Elements.TIMER_CREATION_CHECK);
    pks.succeed(FOUNDATION, name);
    bosh.deploy("service-instance_" + pks.get(FOUNDATION, name).uuid(), masters, workers, "running");
    poll(pi);
    execute(job(Elements.VERIFY));
  }

  /** Fires the creation poll timer and runs the check. */
  private void poll(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Elements.TIMER_CREATION_CHECK);
    execute(job(Elements.TIMER_CREATION_CHECK));
    execute(job(Elements.CHECK_CREATION));
  }

  private void pollDeletion(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Elements.TIMER_DELETION_CHECK);
    execute(job(Elements.TIMER_DELETION_CHECK));
    execute(job(Elements.CHECK_DELETION));
  }

  private List<String> candidateGroups(Task t) {
    return engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** The rejection reasons as stored (a JSON list, checked), one per line for the assertions. */
  private String reasons(ProcessInstance pi) {
    Object stored = historicVariable(pi, REJECTION_REASONS);
    assertThat(stored).as("rejectionReasons is a JSON list").isInstanceOf(org.camunda.spin.json.SpinJsonNode.class);
    assertThat(((org.camunda.spin.json.SpinJsonNode) stored).isArray()).isTrue();
    return String.join("\n", io.pksorchestrator.operations.RejectionReasons.read(stored));
  }

  private Object historicVariable(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }

  private void assertOutcome(ProcessInstance pi, OperationOutcome outcome, String messagePart) {
    assertThat(historicVariable(pi, OperationVariables.OUTCOME)).isEqualTo(outcome.value());
    String message = (String) historicVariable(pi, OperationVariables.OUTCOME_MESSAGE);
    assertThat(message).contains(messagePart).doesNotContain("\n");
  }

  private static List<Throwable> causalChain(Throwable e) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static Date plus(Duration d) {
    return new Date(ClockUtil.getCurrentTime().getTime() + d.toMillis());
  }
}
