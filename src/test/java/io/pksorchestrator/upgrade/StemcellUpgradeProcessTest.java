package io.pksorchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.pksorchestrator.operations.OperatorDecision;
import io.pksorchestrator.operations.OperatorInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.operations.AcquireClusterLeaseDelegate;
import io.pksorchestrator.operations.ClusterLeaseModel;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.operations.FourEyesTaskListener;
import io.pksorchestrator.operations.LeaseHolder;
import io.pksorchestrator.operations.LeaseProperties;
import io.pksorchestrator.operations.ProcessTestLeases;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.fixtures.InMemoryFoundation;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.opsman.OmStemcell;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Elements;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.pks.PksGateway;
import org.mockito.Mockito;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of StemcellUpgradeProcess with the real delegates against an in-memory foundation. */
@Deployment(resources = {"bpmn/StemcellUpgradeProcess.bpmn", "forms/stemcell-upgrade-start.form",
    "forms/stemcell-upgrade-approval.form", "forms/stemcell-upgrade-continuation.form",
    "forms/stemcell-upgrade-installation-failure.form", "forms/stemcell-upgrade-canary-failure.form",
    "forms/stemcell-upgrade-window-closed.form", "forms/cluster-lease-conflict.form"})
class StemcellUpgradeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = io.pksorchestrator.ProcessTestEngine.coverage()
      .assertClassCoverageAtLeast(1.0).build();

  /** Timers {@link #drive} fires only when due (the poll timers it fires at once). */
  private static final Set<String> WINDOW_TIMERS = Set.of(Elements.WINDOW_OPENED, Elements.NEXT_WINDOW_OPENED,
      ClusterLeaseModel.EVENT_WAIT);
  private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
  private static final String F = "lab";

  private final ObjectMapper json = new ObjectMapper();
  private InMemoryFoundation lab;
  private UpgradeProperties props;
  private ProcessEngine engine;
  private Path stemcellFile;
  private InMemoryStemcellUploadStore uploadStore;
  private StemcellUploads uploads;
  /** While true, started uploads wait in {@link #pendingUploads} (a node busy uploading). */
  private boolean holdUploads;
  private final List<Runnable> pendingUploads = new java.util.ArrayList<>();
  private final ClusterLeases leases = ProcessTestLeases.leases();

  @BeforeEach
  void setUp() throws Exception {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(T0));
    lab = new InMemoryFoundation().foundation(F, 60).upgradableCluster(F, "alpha", 3, 3)
        .upgradableCluster(F, "bravo", 4, 3).upgradableCluster(F, "charlie", 5, 3);
    props = new UpgradeProperties();
    Path stemcellDir = Files.createTempDirectory("stemcells");
    props.setStemcellDir(stemcellDir.toAbsolutePath());
    stemcellFile = Files.createTempFile(stemcellDir, "stemcell", ".tgz");
    UpgradePreChecks preChecks = new UpgradePreChecks(lab, lab.om, lab.pks, lab.bosh, props,
        new StemcellSource(props));
    ClusterVerifier verifier = new ClusterVerifier(lab.pks, lab.bosh);
    Mocks.register("jobRetries", new io.pksorchestrator.operations.JobRetries(
        io.pksorchestrator.operations.JobRetryProperties.defaults()));
    Mocks.register("outcomeWriter", new io.pksorchestrator.operations.OutcomeWriter());
    Mocks.register("upgradeStartListener", new UpgradeStartListener());
    Mocks.register("fourEyesTaskListener", new FourEyesTaskListener());
    Mocks.register("upgradeWindow", new MaintenanceWindow());
    Mocks.register("runPreChecksDelegate", new RunPreChecksDelegate(preChecks));
    StemcellSource sources = new StemcellSource(props);
    uploadStore = new InMemoryStemcellUploadStore();
    uploads = new StemcellUploads(uploadStore, sources, lab.om, props,
        r -> { if (holdUploads) { pendingUploads.add(r); } else { r.run(); } },
        Clock.fixed(T0, ZoneOffset.UTC), "test-node");
    Mocks.register("startStemcellUploadDelegate", new StartStemcellUploadDelegate(lab.om, sources, uploads));
    Mocks.register("checkStemcellUploadDelegate", new CheckStemcellUploadDelegate(lab.om, sources, uploads));
    Mocks.register("assignStemcellDelegate", new AssignStemcellDelegate(lab.om));
    Mocks.register("applyChangesDelegate", new ApplyChangesDelegate(lab.om, lab, props));
    Mocks.register("checkInstallationDelegate", new CheckInstallationDelegate(lab.om, props));
    Mocks.register("planNextStepDelegate", new PlanNextStepDelegate(props));
    Mocks.register("startClusterUpgradeDelegate", new StartClusterUpgradeDelegate(lab.pks, lab, props));
    Mocks.register("checkClusterUpgradeDelegate", new CheckClusterUpgradeDelegate(lab.pks));
    Mocks.register("verifyClustersDelegate", new VerifyClustersDelegate(verifier, lab.pks, leases));
    Mocks.register("acquireClusterLeaseDelegate", new AcquireClusterLeaseDelegate(leases, lab, new LeaseProperties()));
    Mocks.register("upgradeLeaseScope", new UpgradeLeaseScope());
    ProcessTestLeases.clear();
    Mocks.register("cancelPendingUpgradesDelegate", new CancelPendingUpgradesDelegate(lab.pks, lab, props));
    Mocks.register("writeUpgradeReportDelegate", new WriteUpgradeReportDelegate());
  }

  @AfterEach
  void tearDown() throws Exception {
    ProcessTestLeases.clear();
    Mocks.reset();
    uploads.destroy();
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    Files.deleteIfExists(stemcellFile);
    Files.deleteIfExists(stemcellFile.getParent().resolve("swapped.tgz"));
    Files.deleteIfExists(stemcellFile.getParent());
  }

  private Map<String, Object> request(Object... extra) {
    Map<String, Object> v = new HashMap<>(Map.of(OperationVariables.FOUNDATION, F, Variables.STEMCELL_OS, "ubuntu-jammy",
        Variables.STEMCELL_VERSION, "1.412", Variables.STEMCELL_SOURCE, stemcellFile.toString(), Variables.CLUSTERS, "all",
        OperationVariables.REQUESTED_BY, "alice", OperationVariables.TICKET_ID, "CHG-1"));
    for (int i = 0; i < extra.length; i += 2) {
      v.put((String) extra[i], extra[i + 1]);
    }
    return v;
  }

  private ProcessInstance start(Map<String, Object> vars) {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(StemcellUpgradeProcess.KEY, vars);
    drive(pi);
    return pi;
  }

  /** Executes due jobs (poll timers regardless of due date, window timers only when due) until a wait state. */
  private void drive(ProcessInstance pi) {
    for (int i = 0; i < 500; i++) {
      Job next = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list().stream()
          .filter(j -> !WINDOW_TIMERS.contains(activityOf(j)) || !j.getDuedate().after(ClockUtil.getCurrentTime()))
          .filter(j -> !(holdUploads && activityOf(j).equals(Elements.STEMCELL_UPLOAD_POLL)))
          .filter(j -> j.getRetries() > 0)
          .findFirst().orElse(null);
      if (next == null) {
        return;
      }
      engine.getManagementService().executeJob(next.getId());
    }
    throw new AssertionError("No wait state reached after 500 jobs");
  }

  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId();
  }

  private void decide(ProcessInstance pi, String taskId, Map<String, Object> vars) {
    assertThat(pi).isWaitingAt(taskId);
    engine.getIdentityService().setAuthenticatedUserId("bob");
    try {
      complete(task(taskId, pi), vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    drive(pi);
  }

  private void approve(ProcessInstance pi) {
    decide(pi, Elements.APPROVE_UPGRADE, withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE,
        OperationVariables.DECISION_COMMENT, "risks accepted"));
  }

  private JsonNode report(ProcessInstance pi) throws Exception {
    Object raw = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Variables.UPGRADE_REPORT).singleResult().getValue();
    return json.readTree(raw.toString());
  }

  private JsonNode row(JsonNode report, String cluster) {
    for (JsonNode r : report.get("clusters")) {
      if (cluster.equals(r.get("name").asText())) {
        return r;
      }
    }
    throw new AssertionError("no report row for " + cluster);
  }

  private Object historic(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }

  @Test
  void upgradesCanaryFirstThenTheRestAfterContinuationIsApproved() throws Exception {
    ProcessInstance pi = start(request(Variables.MAX_IN_FLIGHT, 2L));
    assertThat(pi).isWaitingAt(Elements.APPROVE_UPGRADE).hasBusinessKey("CHG-1");
    assertThat(task(Elements.APPROVE_UPGRADE, pi)).hasCandidateGroup("platform-operators");
    assertThat((String) historic(pi, Variables.APPROVAL_SUMMARY)).contains("1.400", "1.412", "alpha", "charlie",
        "at most 2 cluster(s) in parallel", "(will be uploaded)");
    approve(pi);

    // the canary (smallest cluster) is upgraded and verified alone, then the operator is asked
    assertThat(pi).isWaitingAt(Elements.APPROVE_CONTINUATION);
    assertThat(lab.stemcellOf(F, "alpha")).isEqualTo("1.412");
    assertThat(lab.stemcellOf(F, "bravo")).isEqualTo("1.400");
    assertThat(lab.upgrades.tasks).hasSize(1);
    assertThat(lab.upgrades.tasks.get(0).clusters).containsExactly("alpha");
    assertThat(lab.om.uploads).containsExactly(stemcellFile);
    assertThat(lab.om.applyChangesProducts).containsExactly(List.of(InMemoryFoundation.PKS_TILE_GUID));
    assertThat(lab.om.applyChangesErrands.get(0)).isEqualTo(
        Map.of(InMemoryFoundation.PKS_TILE_GUID, Map.of("upgrade-all-service-instances", false)));
    String tail = (String) historic(pi, Variables.INSTALLATION_LOG_TAIL);
    assertThat(tail.lines()).hasSize(20).last().isEqualTo("Task 1 | line 30");

    decide(pi, Elements.APPROVE_CONTINUATION, withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE));
    assertThat(pi).isEnded().hasPassed(Elements.WRITE_REPORT, Elements.START_STEMCELL_UPLOAD);
    assertThat(lab.upgrades.tasks.get(1).clusters).containsExactly("bravo", "charlie");
    assertThat(lab.upgrades.tasks.get(1).maxInFlight).isEqualTo(2);
    lab.pks.all(F).keySet().forEach(c -> assertThat(lab.stemcellOf(F, c)).isEqualTo("1.412"));
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("upgraded");
    JsonNode report = report(pi);
    assertThat(report.get("upgraded").asInt()).isEqualTo(3);
    JsonNode alpha = row(report, "alpha");
    assertThat(alpha.get("canary").asBoolean()).isTrue();
    assertThat(alpha.get("stemcellBefore").asText()).isEqualTo("1.400");
    assertThat(alpha.get("stemcellAfter").asText()).isEqualTo("1.412");
    assertThat(alpha.get("kubernetesBefore").asText()).isEqualTo("1.29.5");
    assertThat(alpha.get("kubernetesAfter").asText()).isEqualTo("1.30.2");
    assertThat(alpha.get("startedAt").asText()).isNotEmpty();
    assertThat(alpha.get("durationSeconds").isNumber()).isTrue();
    assertThat(alpha.get("result").asText()).isEqualTo("upgraded");
    assertThat((String) historic(pi, Variables.UPGRADE_REPORT_TEXT)).contains("alpha", "charlie", "upgraded");
  }

  @Test
  void everySelectedClusterIsLeasedFromApprovalAndReleasedOnceVerified() throws Exception {
    ProcessInstance pi = start(request());
    assertThat(leases.all()).as("no lease while waiting for approval").isEmpty();
    approve(pi);
    assertThat(pi).isWaitingAt(Elements.APPROVE_CONTINUATION);
    assertThat(leases.find(F, "alpha")).as("the canary is verified: released").isEmpty();
    assertThat(leases.heldBy(pi.getId())).extracting(l -> l.cluster()).containsExactly("bravo", "charlie");
    assertThat(leases.find(F, "bravo")).hasValueSatisfying(l -> {
      assertThat(l.operation()).isEqualTo("upgrade");
      assertThat(l.businessKey()).isEqualTo("CHG-1");
    });
    decide(pi, Elements.APPROVE_CONTINUATION, withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE));
    assertThat(pi).isEnded();
    assertThat(leases.all()).isEmpty();
  }

  /**
   * The scenario at process level: a cluster's size changes between the approval and its own upgrade (here
   * outside the orchestrator); the upgrade verifies against the size at the start of that cluster's upgrade.
   */
  @Test
  void verificationComparesWithTheWorkerCountAtTheStartOfThatClustersUpgrade() throws Exception {
    props.setConfirmAfterCanaries(false);
    ProcessInstance pi = start(request());
    lab.pks.setWorkers(F, "charlie", 8); // was 5 at the pre-checks
    approve(pi);
    assertThat(pi).isEnded();
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("upgraded");
    JsonNode charlie = row(report(pi), "charlie");
    assertThat(charlie.get("result").asText()).isEqualTo("upgraded");
  }

  @Test
  void anUpgradeWaitsForAnotherOperationHoldingOneOfItsClusters() throws Exception {
    ProcessInstance holder = otherOperationHolding("bravo");
    ProcessInstance pi = start(request());
    approve(pi);
    assertThat(pi).isWaitingAt(ClusterLeaseModel.EVENT_WAIT);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), ClusterLeaseModel.LEASE_BLOCKED_CLUSTER))
        .isEqualTo("lab/bravo");
    assertThat(leases.heldBy(pi.getId())).as("taken in name order up to the held one").extracting(l -> l.cluster())
        .containsExactly("alpha");
    assertThat(lab.om.applyChangesProducts).isEmpty();

    leases.releaseAll(holder.getId());
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofMinutes(2))));
    drive(pi);
    assertThat(pi).isWaitingAt(Elements.APPROVE_CONTINUATION);
    assertThat(leases.heldBy(pi.getId())).extracting(l -> l.cluster()).containsExactly("bravo", "charlie");
  }

  @Test
  void anOperatorMayWaitAgainAndThenStopAnUpgradeThatWaitsTooLong() throws Exception {
    otherOperationHolding("charlie");
    ProcessInstance pi = start(request());
    approve(pi);
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(2).plusMinutes(1))));
    drive(pi);
    assertThat(pi).isWaitingAt(ClusterLeaseModel.TASK_RESOLVE);
    decide(pi, ClusterLeaseModel.TASK_RESOLVE, withVariables(ClusterLeaseModel.LEASE_RESOLUTION, "wait"));
    assertThat(pi).isWaitingAt(ClusterLeaseModel.EVENT_WAIT);
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(4).plusMinutes(2))));
    drive(pi);
    decide(pi, ClusterLeaseModel.TASK_RESOLVE, withVariables(ClusterLeaseModel.LEASE_RESOLUTION, "stop"));
    assertThat(pi).isEnded().hasPassed(Elements.CLUSTER_BUSY).hasNotPassed(Elements.START_STEMCELL_UPLOAD);
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("cluster-busy");
    assertThat((String) historic(pi, OperationVariables.OUTCOME_MESSAGE)).contains("lab/charlie stayed held by");
    assertThat(lab.om.applyChangesProducts).isEmpty();
    assertThat(leases.heldBy(pi.getId())).as("released at the end").isEmpty();
  }

  /** A live operation (another upgrade, waiting for its approval) that holds {@code cluster}. */
  private ProcessInstance otherOperationHolding(String cluster) {
    ProcessInstance other = start(request(OperationVariables.TICKET_ID, "CHG-2"));
    assertThat(leases.acquire(F, List.of(cluster), new LeaseHolder(other.getId(), LeaseHolder.RESIZE, "lab/" + cluster))
        .complete()).isTrue();
    return other;
  }

  @Test
  void rejectsWithEveryReasonWhenPreChecksFail() throws Exception {
    lab.om.installations.add(new io.pksorchestrator.platform.opsman.OmInstallation(7, "running", "admin", T0, null));
    PksCluster bravo = lab.pks.get(F, "bravo");
    lab.pks.finish(F, "bravo", ActionState.FAILED, bravo.lastActionDescription());
    ProcessInstance pi = start(request(Variables.MAX_IN_FLIGHT, 9, Variables.STEMCELL_VERSION, "1.399",
        Variables.CLUSTERS, "alpha,bravo,zulu", Variables.CANARIES, "charlie"));
    assertThat(pi).isEnded().hasPassed(Elements.REJECTED).hasNotPassed(Elements.APPROVE_UPGRADE);
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("rejected");
    JsonNode reasons = json.readTree(historic(pi, Variables.REJECTION_REASONS).toString());
    assertThat(reasons.toString()).contains("maxInFlight 9", "installation (Apply Changes) is running",
        "not newer than the PKS tile's deployed stemcell 1.400", "'bravo' is", "'zulu' does not exist",
        "Canary 'charlie' is not among");
    assertThat(lab.upgrades.tasks).isEmpty();
  }

  @Test
  void endsNotApprovedWhenTheApproverDeclines() {
    ProcessInstance pi = start(request());
    decide(pi, Elements.APPROVE_UPGRADE, withVariables(OperationVariables.DECISION, OperatorDecision.REJECT,
        OperationVariables.DECISION_COMMENT, "not this week"));
    assertThat(pi).isEnded().hasPassed(Elements.NOT_APPROVED);
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("not-approved");
    assertThat(lab.om.applyChangesProducts).isEmpty();
  }

  @Test
  void theRequesterCannotApproveTheirOwnUpgrade() {
    ProcessInstance pi = start(request());
    engine.getIdentityService().setAuthenticatedUserId("alice");
    Exception refused = assertThrows(Exception.class, () -> complete(task(Elements.APPROVE_UPGRADE, pi),
        withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE)));
    assertThat(refused).hasRootCauseInstanceOf(AuthorizationException.class);
    assertThat(pi).isWaitingAt(Elements.APPROVE_UPGRADE);
  }

  @Test
  void waitsForTheWindowAndSkipsTheUploadWhenOpsManagerHasTheStemcell() {
    lab.om.stemcells.add(new OmStemcell("ubuntu-jammy", "1.412"));
    props.setConfirmAfterCanaries(false);
    ProcessInstance pi = start(request(Variables.WINDOW_START, "2026-11-28T22:00:00Z",
        Variables.WINDOW_END, "2026-11-29T04:00", Variables.STEMCELL_SOURCE, ""));
    approve(pi);
    assertThat(pi).isWaitingAt(Elements.WINDOW_OPENED);
    assertThat(lab.om.applyChangesProducts).isEmpty();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-28T22:00:01Z")));
    drive(pi);
    assertThat(pi).isEnded().hasPassed(Elements.WINDOW_OPENED).hasNotPassed(Elements.START_STEMCELL_UPLOAD, Elements.APPROVE_CONTINUATION);
    assertThat(lab.om.uploads).isEmpty();
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("upgraded");
  }

  @Test
  void stopsStartingClustersWhenTheWindowClosesAndContinuesInTheNextWindow() throws Exception {
    props.setConfirmAfterCanaries(false);
    // the batch after the canary runs with maxInFlight 1: the window closes while bravo runs, charlie is queued
    Mocks.register("checkClusterUpgradeDelegate", new CheckClusterUpgradeDelegate(lab.pks) {
      @Override
      public void execute(org.camunda.bpm.engine.delegate.DelegateExecution ex) {
        if (lab.pks.get(F, "bravo").lastActionState() == ActionState.IN_PROGRESS) {
          ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-28T20:00:30Z")));
        }
        super.execute(ex);
      }
    });
    ProcessInstance pi = start(request(Variables.WINDOW_END, "2026-11-28T20:00:30Z"));
    approve(pi);
    assertThat(pi).isWaitingAt(Elements.RESOLVE_WINDOW_CLOSED);
    assertThat(lab.stemcellOf(F, "bravo")).isEqualTo("1.412");
    assertThat(lab.stemcellOf(F, "charlie")).isEqualTo("1.400");
    assertThat(lab.upgrades.tasks.get(1).canceled).isTrue();

    // the closed window again (what Tasklist used to prefill) is refused with a message; the task stays open
    assertThatThrownBy(() -> decide(pi, Elements.RESOLVE_WINDOW_CLOSED, withVariables(Variables.RESOLUTION, "continue",
        Variables.NEXT_WINDOW_START, "2026-11-28T18:00:00Z", Variables.NEXT_WINDOW_END, "2026-11-28T20:00:30Z")))
        .hasMessageContaining(OperatorInputException.PREFIX).hasMessageContaining("has already ended");
    assertThat(pi).isWaitingAt(Elements.RESOLVE_WINDOW_CLOSED);
    decide(pi, Elements.RESOLVE_WINDOW_CLOSED, withVariables(Variables.RESOLUTION, "continue",
        Variables.NEXT_WINDOW_START, "2026-11-29T22:00:00Z", Variables.NEXT_WINDOW_END, "2026-11-30T02:00:00Z"));
    assertThat(pi).isWaitingAt(Elements.NEXT_WINDOW_OPENED);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Variables.WINDOW_START)).isEqualTo("2026-11-29T22:00:00Z");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-29T22:00:00Z")));
    drive(pi);
    assertThat(pi).isEnded();
    assertThat(lab.upgrades.tasks.get(2).clusters).containsExactly("charlie");
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("upgraded");
  }

  @Test
  void stopsWhenTheOperatorEndsTheUpgradeAfterTheWindowClosed() throws Exception {
    ProcessInstance pi = start(request(Variables.WINDOW_END, "2026-11-28T23:00:00Z"));
    approve(pi);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-28T23:30:00Z")));
    decide(pi, Elements.APPROVE_CONTINUATION, withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE));
    assertThat(pi).isWaitingAt(Elements.RESOLVE_WINDOW_CLOSED);
    decide(pi, Elements.RESOLVE_WINDOW_CLOSED, withVariables(Variables.RESOLUTION, "stop"));
    assertThat(pi).isEnded();
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("aborted");
    JsonNode report = report(pi);
    assertThat(row(report, "alpha").get("result").asText()).isEqualTo("upgraded");
    assertThat(row(report, "bravo").get("result").asText()).isEqualTo("skipped");
    assertThat(report.get("stopReason").asText()).isEqualTo("window-closed");
  }

  @Test
  void retriesApplyChangesAfterTheOperatorFixedAFailedInstallation() {
    lab.om.installationResults.add("failed");
    ProcessInstance pi = start(request());
    approve(pi);
    assertThat(pi).isWaitingAt(Elements.RESOLVE_INSTALLATION);
    assertThat(task(Elements.RESOLVE_INSTALLATION, pi)).hasCandidateGroup("platform-operators");
    decide(pi, Elements.RESOLVE_INSTALLATION, withVariables(Variables.RESOLUTION, "retry"));
    assertThat(lab.om.applyChangesProducts).hasSize(2);
    assertThat(pi).isWaitingAt(Elements.APPROVE_CONTINUATION);
  }

  @Test
  void failsWhenTheOperatorStopsAfterAFailedInstallation() throws Exception {
    lab.om.installationResults.add("failed");
    ProcessInstance pi = start(request());
    approve(pi);
    decide(pi, Elements.RESOLVE_INSTALLATION, withVariables(Variables.RESOLUTION, "stop"));
    assertThat(pi).isEnded();
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("failed");
    assertThat(report(pi).get("skipped").asInt()).isEqualTo(3);
    assertThat(lab.upgrades.tasks).isEmpty();
  }

  @Test
  void aCanaryFailureStopsEverythingUntilTheOperatorRetries() throws Exception {
    lab.upgrades.failUpgradeOf.add("alpha");
    ProcessInstance pi = start(request());
    approve(pi);
    assertThat(pi).isWaitingAt(Elements.RESOLVE_CANARY);
    assertThat(lab.upgrades.tasks).hasSize(1);
    assertThat(lab.pks.get(F, "bravo").lastAction()).isEqualTo("CREATE");

    lab.upgrades.failUpgradeOf.clear();
    decide(pi, Elements.RESOLVE_CANARY, withVariables(Variables.RESOLUTION, "retry"));
    assertThat(pi).isWaitingAt(Elements.APPROVE_CONTINUATION);
    assertThat(lab.stemcellOf(F, "alpha")).isEqualTo("1.412");
  }

  @Test
  void aCanaryFailureThatTheOperatorStopsFailsTheUpgrade() throws Exception {
    lab.upgrades.failUpgradeOf.add("alpha");
    ProcessInstance pi = start(request(Variables.CANARIES, "alpha,bravo"));
    approve(pi);
    decide(pi, Elements.RESOLVE_CANARY, withVariables(Variables.RESOLUTION, "stop"));
    assertThat(pi).isEnded();
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("failed");
    JsonNode report = report(pi);
    assertThat(row(report, "alpha").get("result").asText()).isEqualTo("failed");
    assertThat(row(report, "alpha").get("detail").asText()).contains("drain timed out");
    assertThat(row(report, "bravo").get("result").asText()).isEqualTo("skipped");
    assertThat(lab.upgrades.tasks).hasSize(1);
  }

  @Test
  void aNonCanaryFailureIsRecordedAndTheOthersContinue() throws Exception {
    lab.upgradableCluster(F, "delta", 3, 3);
    lab.upgrades.failUpgradeOf.add("bravo");
    props.setConfirmAfterCanaries(false);
    ProcessInstance pi = start(request());
    approve(pi);
    assertThat(pi).isEnded();
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("completed-with-failures");
    JsonNode report = report(pi);
    assertThat(row(report, "bravo").get("result").asText()).isEqualTo("failed");
    assertThat(row(report, "charlie").get("result").asText()).isEqualTo("upgraded");
    assertThat(row(report, "delta").get("result").asText()).isEqualTo("upgraded");
  }

  @Test
  void endsAbortedWhenTheOperatorDeclinesToContinueAfterTheCanaries() throws Exception {
    ProcessInstance pi = start(request());
    approve(pi);
    decide(pi, Elements.APPROVE_CONTINUATION, withVariables(OperationVariables.DECISION, OperatorDecision.REJECT,
        OperationVariables.DECISION_COMMENT, "canary latency looks off"));
    assertThat(pi).isEnded();
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("aborted");
    assertThat(row(report(pi), "bravo").get("result").asText()).isEqualTo("skipped");
  }

  @Test
  void abortSkipsQueuedClustersAndLetsRunningOnesFinish() throws Exception {
    lab.upgradableCluster(F, "delta", 3, 3);
    ProcessInstance pi = start(request());
    approve(pi);
    complete(task(Elements.APPROVE_CONTINUATION, pi), withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE));
    // run until the first non-canary cluster is upgrading, the other two queued (maxInFlight 1)
    while (lab.upgrades.running() == 0) {
      Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list().get(0);
      engine.getManagementService().executeJob(job.getId());
    }
    engine.getRuntimeService().createMessageCorrelation(StemcellUpgradeProcess.Messages.ABORT)
        .processInstanceBusinessKey("CHG-1").correlate();
    drive(pi);
    assertThat(pi).isEnded().hasPassed(Elements.ABORTED, Elements.CHECK_ABORTED_UPGRADE);
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("aborted");
    JsonNode report = report(pi);
    assertThat(report.get("upgraded").asInt()).isEqualTo(2);
    assertThat(report.get("skipped").asInt()).isEqualTo(2);
    assertThat(lab.upgrades.tasks.get(1).canceled).isTrue();
  }

  @Test
  void respectsMaxInFlightForTheClustersAfterTheCanaries() throws Exception {
    lab.upgradableCluster(F, "delta", 3, 3).upgradableCluster(F, "echo", 6, 3);
    props.setConfirmAfterCanaries(false);
    ProcessInstance pi = start(request(Variables.MAX_IN_FLIGHT, 2, Variables.CANARIES, "alpha,bravo"));
    approve(pi);
    assertThat(pi).isEnded();
    assertThat(lab.upgrades.tasks).extracting(t -> t.clusters).containsExactly(List.of("alpha"), List.of("bravo"),
        List.of("charlie", "delta", "echo"));
    assertThat(lab.upgrades.tasks.get(2).maxInFlight).isEqualTo(2);
    assertThat(lab.upgrades.maxConcurrent).isEqualTo(2);
    assertThat(report(pi).get("upgraded").asInt()).isEqualTo(5);
  }

  @Test
  void aRetryAfterALostResponseFollowsTheUpgradeTaskInsteadOfStartingAnother() {
    props.setConfirmAfterCanaries(false);
    PksGateway lossy = Mockito.spy(lab.pks);
    Mockito.doAnswer(call -> {
      call.callRealMethod();
      throw new RetryableFoundationException(F, 0, "PATCH /v1/clusters: read timed out", null);
    }).doCallRealMethod().when(lossy).upgradeClusters(Mockito.any(), Mockito.any(), Mockito.any(), Mockito.anyInt());
    Mocks.register("startClusterUpgradeDelegate", new StartClusterUpgradeDelegate(lossy, lab, props));
    ProcessInstance pi = start(request());
    engine.getIdentityService().setAuthenticatedUserId("bob");
    complete(task(Elements.APPROVE_UPGRADE, pi), withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE));
    engine.getIdentityService().clearAuthentication();
    assertThrows(RetryableFoundationException.class, () -> drive(pi));
    assertThat(lab.upgrades.tasks).hasSize(1);
    drive(pi);
    assertThat(pi).isEnded();
    assertThat(lab.upgrades.tasks).extracting(t -> t.clusters)
        .containsExactly(List.of("alpha"), List.of("bravo", "charlie"));
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("upgraded");
  }

  // --- issue 11 item 2 (stemcellSource inside the process) and item 6 (upload outside jobs, crash recovery) ---

  @Test
  void aStartOverTheEngineWithASourceOutsideTheStemcellDirectoryIsRejectedBeforeAnythingIsRead() throws Exception {
    for (String source : List.of("/etc/passwd", "file:///etc/passwd", "https://evil.example.org/s.tgz",
        stemcellFile.getParent() + "/../../etc/passwd")) {
      ProcessInstance pi = start(request(Variables.STEMCELL_SOURCE, source));
      assertThat(pi).isEnded().hasPassed(Elements.REJECTED).hasNotPassed(Elements.APPROVE_UPGRADE);
      assertThat(historic(pi, Variables.REJECTION_REASONS).toString()).as(source).contains("stemcellSource");
    }
    assertThat(lab.om.uploads).isEmpty();
  }

  @Test
  void theUploadAppliesTheRuleAgainAndATamperedSourceIsAnIncidentAtOnce() throws Exception {
    Path link = stemcellFile.getParent().resolve("swapped.tgz");
    Files.createSymbolicLink(link, Path.of("/etc/passwd"));
    for (String tampered : List.of("/etc/passwd", link.toString())) {
      ProcessInstance pi = start(request());
      assertThat(historic(pi, Variables.APPROVAL_SUMMARY).toString()).contains("**Upload from:** `"
          + stemcellFile.toRealPath() + "`");
      // a REST caller changes the approved source after the approval summary was shown
      engine.getRuntimeService().setVariable(pi.getId(), Variables.STEMCELL_SOURCE_RESOLVED, tampered);
      engine.getIdentityService().setAuthenticatedUserId("bob");
      complete(task(Elements.APPROVE_UPGRADE, pi), withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE));
      engine.getIdentityService().clearAuthentication();
      assertThrows(StemcellSourceRejectedException.class, () -> drive(pi));
      Job start = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(activityOf(start)).isEqualTo(Elements.START_STEMCELL_UPLOAD);
      assertThat(start.getRetries()).as("not retryable: no retry cycle").isZero();
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
          .getIncidentMessage()).contains("stemcellSource");
      // ends the instance, which releases its cluster leases for the next case
      engine.getRuntimeService().deleteProcessInstance(pi.getId(), "next case");
    }
    assertThat(lab.om.uploads).isEmpty();
  }

  @Test
  void anUploadWhoseNodeDiedIsNoticedAndStartedAgain() throws Exception {
    holdUploads = true;
    props.setConfirmAfterCanaries(false);
    ProcessInstance pi = start(request());
    approve(pi);
    assertThat(pendingUploads).as("the upload runs beside the engine").hasSize(1);
    runUploadPoll(pi);
    assertThat(historic(pi, Variables.STEMCELL_UPLOAD_STATUS)).isEqualTo("running");
    assertThat(pi).hasPassed(Elements.CHECK_STEMCELL_UPLOAD).isWaitingAt(Elements.STEMCELL_UPLOAD_POLL);

    // the node running it stops: its thread never ends, its heartbeat stays at an old time
    pendingUploads.clear();
    uploadStore.simulateDeadNode(pi.getId(), T0.minus(Duration.ofMinutes(5)));
    runUploadPoll(pi);
    assertThat(uploadStore.find(pi.getId()).orElseThrow().attempt()).isEqualTo(2);
    assertThat(uploadStore.find(pi.getId()).orElseThrow().node()).isEqualTo("test-node");
    assertThat(pendingUploads).hasSize(1);

    holdUploads = false;
    pendingUploads.remove(0).run();
    drive(pi);
    assertThat(pi).isEnded();
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("upgraded");
    assertThat(lab.om.uploads).hasSize(1);
  }

  @Test
  void aRejectedUploadIsAnIncidentAtOnceAndRetryingItUploadsAgain() throws Exception {
    props.setConfirmAfterCanaries(false);
    lab.om.uploadFailures.add(new io.pksorchestrator.platform.FoundationRejectedException(F, 422,
        "Foundation 'lab' opsman: POST /api/v0/stemcells answered 422: not a stemcell", "not a stemcell"));
    ProcessInstance pi = start(request());
    engine.getIdentityService().setAuthenticatedUserId("bob");
    complete(task(Elements.APPROVE_UPGRADE, pi), withVariables(OperationVariables.DECISION, OperatorDecision.APPROVE));
    engine.getIdentityService().clearAuthentication();
    assertThrows(io.pksorchestrator.operations.NotRetryableException.class, () -> drive(pi));
    Job check = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(activityOf(check)).isEqualTo(Elements.CHECK_STEMCELL_UPLOAD);
    assertThat(check.getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
        .getIncidentMessage()).contains("answered 422: not a stemcell", "retry this incident");

    // the operator replaced the file and retries the incident: the upload starts again
    engine.getManagementService().setJobRetries(check.getId(), 1);
    drive(pi);
    assertThat(pi).isEnded();
    assertThat(historic(pi, OperationVariables.OUTCOME)).isEqualTo("upgraded");
    assertThat(lab.om.uploads).hasSize(2);
  }

  /** Runs the due upload poll timer and the check job after it. */
  private void runUploadPoll(ProcessInstance pi) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list().stream()
        .filter(j -> activityOf(j).equals(Elements.STEMCELL_UPLOAD_POLL)).findFirst().orElseThrow();
    engine.getManagementService().executeJob(timer.getId());
    Job check = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(activityOf(check)).isEqualTo(Elements.CHECK_STEMCELL_UPLOAD);
    engine.getManagementService().executeJob(check.getId());
  }
}
