package io.pksorchestrator.ticketing;

import io.pksorchestrator.cluster.ClusterCreationProcess;
import io.pksorchestrator.fixtures.InMemoryFoundation;
import io.pksorchestrator.fixtures.PksClusterBuilder;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.OperatorDecision;
import io.pksorchestrator.operations.OperatorGroups;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import io.pksorchestrator.resize.PredictiveResizeProcess;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * One Spring context for all ticketing API tests (so the context cache reuses it): a private in-memory database,
 * the lab foundation configured but its PKS API in memory ({@link #foundation}, a fresh {@link InMemoryFoundation} for
 * every test, with its record of changing calls), minimal stand-ins for the three operations processes, test users,
 * and a loopback webhook receiver configured as client {@code ticketing}'s callback URL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ticketing-api;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    // The lab foundation stays configured (foundations.yml); its PKS API is in memory (below), so no simulator.
    "pkso.simulator.enabled=false",
    "camunda.bpm.generic-properties.properties.groupResourceWhitelistPattern=[a-zA-Z0-9-]+",
    "pkso.ticketing.max-body-size=8KB",
    // stemcellSource: URLs from example.com only; files only below a directory that exists (see StemcellSourceApiTest)
    "pkso.upgrade.stemcell-url-hosts=example.com,mirror.example.com",
    // Passwords of the users the platform's identity bootstrap creates (once merged), equal to the test users'.
    "pkso.security.admin-password=" + TicketingApiTestBase.PASSWORD,
    "pkso.security.operator-password=" + TicketingApiTestBase.PASSWORD,
    "pkso.security.ticketing-password=" + TicketingApiTestBase.PASSWORD,
    "pkso.ticketing.callbacks.dispatch-interval=100ms",
    "pkso.ticketing.callbacks.initial-backoff=200ms",
    "pkso.ticketing.callbacks.max-backoff=1s",
    "pkso.ticketing.clients.ticketing.webhook-secret=" + TicketingApiTestBase.SECRET})
abstract class TicketingApiTestBase {

  static final String SECRET = "test-webhook-secret";
  static final String PASSWORD = "test-password";
  static final WebhookReceiver RECEIVER = new WebhookReceiver();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  private static volatile boolean seeded;

  /** pkso.upgrade.stemcell-dir of these tests: holds {@code bosh-stemcell-1.570.tgz} and a few traps. */
  static final java.nio.file.Path STEMCELL_DIR = StemcellSourceApiTest.stemcellDirectory();

  @DynamicPropertySource
  static void webhook(DynamicPropertyRegistry registry) {
    registry.add("pkso.ticketing.clients.ticketing.webhook-url", RECEIVER::url);
    registry.add("pkso.upgrade.stemcell-dir", () -> STEMCELL_DIR.toString());
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RepositoryService repositoryService;
  /** The PKS API of the application's foundations: the one of the running test's {@link #foundation}. */
  @TestBean PksGateway pks;

  /**
   * This test's foundation {@code lab}: plans {@code small} (1..10 workers) and {@code large} (3..50), cluster
   * {@code web} (plan small, 3 workers); {@code ghost} does not exist.
   */
  static volatile InMemoryFoundation foundation;

  /** The bean behind {@link #pks}: created once per context, it forwards to the running test's foundation. */
  static PksGateway pks() {
    return (PksGateway) Proxy.newProxyInstance(PksGateway.class.getClassLoader(), new Class<?>[] {PksGateway.class},
        (proxy, method, args) -> {
          try {
            return method.invoke(foundation.pks, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @BeforeEach
  void foundationAndEngine() {
    foundation = new InMemoryFoundation("lab");
    foundation.pks.plans.addAll(List.of(
        new PksPlan("p1", "small", "Small", 3, 1, 10), new PksPlan("p2", "large", "Large", 5, 3, 50)));
    foundation.pks.put("lab", PksClusterBuilder.cluster("web").uuid("u-1").state(ActionState.SUCCEEDED, "done")
        .versions("1.30", "1.20").host("web.k8s.example.com").workers(3).build());
    seedOnce();
  }

  private synchronized void seedOnce() {
    if (seeded) {
      return;
    }
    user("admin", OperatorGroups.ADMINS);
    user("operator", OperatorGroups.OPERATORS);
    user("ticketing", OperatorGroups.TICKETING);
    user("intruder", null);
    grant(OperatorGroups.TICKETING, Resources.PROCESS_DEFINITION, Permissions.CREATE_INSTANCE);
    grant(OperatorGroups.TICKETING, Resources.PROCESS_INSTANCE, Permissions.CREATE);
    grant(OperatorGroups.ADMINS, Resources.PROCESS_DEFINITION, Permissions.ALL);
    grantOn(OperatorGroups.OPERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(OperatorGroups.ADMINS, Resources.PROCESS_INSTANCE, Permissions.ALL);
    repositoryService.createDeployment().name("ticketing-test-models")
        .addModelInstance(ClusterCreationProcess.KEY + ".bpmn", approvalModel(
            ClusterCreationProcess.KEY, "Task_ApproveClusterCreation", "Approve cluster creation", "created",
            "ticketing-test-cluster-approval"))
        .addClasspathResource("ticketing/test-cluster-approval.form")
        .addModelInstance(PredictiveResizeProcess.KEY + ".bpmn", approvalModel(
            PredictiveResizeProcess.KEY, "Task_ApproveResize", "Approve resize", "resized", null))
        .addModelInstance(StemcellUpgradeProcess.KEY + ".bpmn", approvalModel(
            StemcellUpgradeProcess.KEY, "Task_ApproveUpgrade", "Approve stemcell upgrade", "upgraded", null))
        .deploy();
    seeded = true;
  }

  /**
   * Start, one approval for platform-operators, then an asynchronous step and the success end, or the not-approved
   * end.
   */
  static BpmnModelInstance approvalModel(String key, String taskId, String taskName, String success, String formRef) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).camundaVersionTag("ticketing-test")
        .startEvent("Event_Requested").name("Requested")
        .userTask(taskId).name(taskName).camundaCandidateGroups(OperatorGroups.OPERATORS)
        .camundaDueDate("${dateTime().plusHours(4).toDate()}")
        .camundaTaskListenerClass("complete", OperatorDecision.class.getName())
        .exclusiveGateway("Gateway_Approved").name("Approved?")
        .condition("yes", "${" + OperationVariables.DECISION + " == 'approve'}")
        // an asynchronous step like the real processes' foundation calls (no job executor here: tests run it)
        .serviceTask("Task_ApplyChange").name("Apply change").camundaAsyncBefore().camundaExpression("${true}")
        .endEvent("Event_Done").name("Done")
        .camundaExecutionListenerExpression("start", "${execution.setVariable('outcome', '" + success + "')}")
        .moveToLastGateway()
        .condition("no", "${" + OperationVariables.DECISION + " == 'reject'}")
        .endEvent("Event_NotApproved").name("Not approved")
        .camundaExecutionListenerExpression("start", "${execution.setVariable('outcome', 'not-approved')}")
        .done();
    if (formRef != null) {
      var task = (org.camunda.bpm.model.bpmn.instance.UserTask) model.getModelElementById(taskId);
      task.setCamundaFormRef(formRef);
      task.setCamundaFormRefBinding("deployment");
    }
    return model;
  }

  private void user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    var user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    user.setFirstName(id);
    identityService.saveUser(user);
    if (group != null) {
      if (identityService.createGroupQuery().groupId(group).count() == 0) {
        identityService.saveGroup(identityService.newGroup(group));
      }
      identityService.createMembership(id, group);
    }
  }

  private void grant(String group, Resources resource, Permissions permission) {
    grantOn(group, resource, "*", permission);
  }

  private void grantOn(String group, Resources resource, String resourceId, Permissions permission) {
    if (authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).hasPermission(permission).count() > 0) {
      return;
    }
    Authorization auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(group);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    auth.addPermission(permission);
    authorizationService.saveAuthorization(auth);
  }

  HttpResponse<String> post(String path, String user, String json, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  HttpResponse<String> get(String path, String user) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic(user)).GET().build());
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  long instancesWithBusinessKey(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count();
  }

  static String clusterJson(String name, String ticket) {
    return """
        {"foundation":"lab","clusterName":"%s","planName":"small","workerCount":3,
         "externalHostname":"%s.k8s.example.com"%s}""".formatted(name, name,
        ticket == null ? "" : ",\"ticketId\":\"" + ticket + "\"");
  }
}
