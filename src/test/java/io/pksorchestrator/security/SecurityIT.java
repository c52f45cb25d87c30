package io.pksorchestrator.security;

import static io.pksorchestrator.PlatformTestSupport.ADMIN_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.OPERATOR_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.TICKETING_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.basic;
import static io.pksorchestrator.PlatformTestSupport.get;
import static io.pksorchestrator.PlatformTestSupport.postJson;
import static io.pksorchestrator.PlatformTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.PlatformApplicationTest;
import io.pksorchestrator.PlatformTestSupport;
import io.pksorchestrator.operations.OperatorGroups;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Authentication and authorization of the running application over real HTTP. */
class SecurityIT extends PlatformApplicationTest {

  static final String ADMIN = basic("admin", ADMIN_PASSWORD);
  static final String OPERATOR = basic("operator", OPERATOR_PASSWORD);
  static final String TICKETING = basic("ticketing", TICKETING_PASSWORD);

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityBootstrap bootstrap;

  @Test
  void anonymousRestCallsGet401WithChallengeAndNoInternals() {
    HttpResponse<String> r = send(get(url("/engine-rest/process-definition")));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"pks-orchestrator\"");
    assertThat(r.body()).contains("\"status\":401").doesNotContain("Exception").doesNotContain("at org.");
    assertThat(send(get(url("/api/v1/clusters"))).statusCode()).isEqualTo(401);
    assertThat(send(get(url("/engine-rest/engine"))).statusCode()).isEqualTo(401);
  }

  @Test
  void wrongPasswordGets401AndRightPassword200() {
    // a user of its own: a wrong password locks the user for a few seconds (ENGINE-27001)
    String user = "probe" + PlatformTestSupport.random().toLowerCase().replaceAll("[^a-z0-9]", "");
    String password = PlatformTestSupport.random();
    User u = identityService.newUser(user);
    u.setPassword(password);
    identityService.saveUser(u);
    assertThat(send(get(url("/engine-rest/process-definition")).header("Authorization", basic(user, "wrong")))
        .statusCode()).isEqualTo(401);
    assertThat(send(get(url("/engine-rest/process-definition")).header("Authorization", ADMIN)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void operatorCannotDeployAndSeesNoAdminApp() {
    HttpResponse<String> r = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            url("/engine-rest/deployment/create")))
        .header("Authorization", OPERATOR)
        .header("Content-Type", "multipart/form-data; boundary=XyZ")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--XyZ\r\nContent-Disposition: form-data;"
            + " name=\"deployment-name\"\r\n\r\nevil\r\n--XyZ\r\nContent-Disposition: form-data;"
            + " name=\"data\"; filename=\"evil.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"><process id=\"Evil\" isExecutable=\"true\""
            + " camunda:historyTimeToLive=\"P1D\"/></definitions>\r\n--XyZ--\r\n")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(WebappSession.login(port, "operator", OPERATOR_PASSWORD, "admin").status()).isIn(401, 403);
    assertThat(WebappSession.login(port, "operator", OPERATOR_PASSWORD, "tasklist").status()).isEqualTo(200);
  }

  @Test
  void operatorSeesApprovalTasksOfOperationsProcessesOnlyAsGranted() {
    // the test task names platform-operators as candidate group: Camunda grants candidates access to the task
    String id = startAsAdmin();
    assertThat(send(get(url("/engine-rest/task?processInstanceId=" + id)).header("Authorization", OPERATOR))
        .body()).contains("Task_ApproveTest");
    assertThat(send(get(url("/engine-rest/task?processInstanceId=" + id)).header("Authorization", TICKETING))
        .body()).isEqualTo("[]");
    assertThat(authorizationService.isUserAuthorized("operator", java.util.List.of(OperatorGroups.OPERATORS),
        ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION, "ClusterCreationProcess")).isTrue();
    assertThat(authorizationService.isUserAuthorized("operator", java.util.List.of(OperatorGroups.OPERATORS),
        ProcessDefinitionPermissions.READ_TASK, Resources.PROCESS_DEFINITION, "ForecastScalingProcess")).isTrue();
    assertThat(authorizationService.isUserAuthorized("operator", java.util.List.of(OperatorGroups.LEADS),
        ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, "StemcellUpgradeProcess")).isTrue();
  }

  @Test
  void ticketingListsNoTasksHasNoWebappAndReadsOnlyItsOwnInstances() {
    grantTicketingStartOfTestProcess();
    String foreign = startAsAdmin();
    HttpResponse<String> started = send(postJson(url("/engine-rest/process-definition/key/PlatformTestProcess/start"),
        "{}").header("Authorization", TICKETING));
    assertThat(started.statusCode()).isEqualTo(200);
    String own = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

    assertThat(send(get(url("/engine-rest/task")).header("Authorization", TICKETING)).body()).isEqualTo("[]");
    assertThat(send(get(url("/engine-rest/process-instance/" + own)).header("Authorization", TICKETING))
        .statusCode()).isEqualTo(200);
    assertThat(send(get(url("/engine-rest/history/process-instance/" + own)).header("Authorization", TICKETING))
        .statusCode()).isEqualTo(200);
    assertThat(send(get(url("/engine-rest/process-instance/" + foreign)).header("Authorization", TICKETING))
        .statusCode()).isIn(403, 404);
    String listed = send(get(url("/engine-rest/process-instance?processDefinitionKey=PlatformTestProcess"))
        .header("Authorization", TICKETING)).body();
    assertThat(listed).contains(own).doesNotContain(foreign);
    assertThat(send(get(url("/engine-rest/history/process-instance?processDefinitionKey=PlatformTestProcess"))
        .header("Authorization", TICKETING)).body()).contains(own).doesNotContain(foreign);
    assertThat(WebappSession.login(port, "ticketing", TICKETING_PASSWORD, "tasklist").status()).isIn(401, 403);
    assertThat(WebappSession.login(port, "ticketing", TICKETING_PASSWORD, "cockpit").status()).isIn(401, 403);
  }

  @Test
  void apiAcceptsBasicOrWebappSessionForReadingAndSetsTheEngineUser() {
    assertThat(send(get(url("/api/test-platform/whoami")).header("Authorization", OPERATOR)).body())
        .contains("\"user\":\"operator\"").contains(OperatorGroups.OPERATORS);
    WebappSession session = WebappSession.login(port, "operator", OPERATOR_PASSWORD, "tasklist");
    assertThat(session.status()).as("webapp login").isEqualTo(200);
    HttpResponse<String> viaSession = send(get(url("/api/test-platform/whoami")).header("Cookie", session.cookie()));
    assertThat(viaSession.statusCode()).as(session.cookie()).isEqualTo(200);
    assertThat(viaSession.body()).contains("\"user\":\"operator\"");
    // changing requests are not accepted by session (no CSRF protection outside the webapps)
    assertThat(send(postJson(url("/api/test-platform/whoami"), "{}").header("Cookie", session.cookie()))
        .statusCode()).isEqualTo(401);
  }

  @Test
  void browsersWithoutSessionAreSentToTheLoginAndOthersGet401() {
    HttpResponse<String> page = send(get(url("/")).header("Accept", "text/html"));
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/camunda/app/tasklist/default/"));
    assertThat(send(get(url("/overview/fleet"))).statusCode()).isEqualTo(401);
    assertThat(send(get(url("/v3/api-docs"))).statusCode()).isEqualTo(401);
  }

  @Test
  void unexpectedErrorsCarryNoInternals() {
    HttpResponse<String> r = send(get(url("/api/test-platform/boom")).header("Authorization", ADMIN));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).doesNotContain("internal detail").doesNotContain("jdbc").doesNotContain("Exception")
        .doesNotContain("trace").doesNotContain("at io.");
  }

  @Test
  void bootstrapIsIdempotentAndAppliesConfiguredPasswords() {
    long before = authorizationService.createAuthorizationQuery().count();
    bootstrap.apply();
    bootstrap.apply();
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(OperatorGroups.ADMINS).count())
        .isOne();
    assertThat(identityService.checkPassword("ticketing", TICKETING_PASSWORD)).isTrue();
    assertThat(identityService.createGroupQuery().groupId(OperatorGroups.LEADS).count()).isOne();
  }

  private String startAsAdmin() {
    HttpResponse<String> r = send(postJson(url("/engine-rest/process-definition/key/PlatformTestProcess/start"),
        "{}").header("Authorization", ADMIN));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
  }

  /**
   * Test-local grants: let the ticketing group start the test process directly (the product grants ticketing no
   * direct start of any process: it requests operations through /api/v1). Instance creation is granted to the user,
   * so the product's group policy (which revokes it from the group) leaves it alone.
   */
  private void grantTicketingStartOfTestProcess() {
    if (authorizationService.createAuthorizationQuery().userIdIn("ticketing")
        .resourceType(Resources.PROCESS_INSTANCE).resourceId("*").count() == 0) {
      Authorization create = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      create.setUserId("ticketing");
      create.setResource(Resources.PROCESS_INSTANCE);
      create.setResourceId("*");
      create.addPermission(org.camunda.bpm.engine.authorization.ProcessInstancePermissions.CREATE);
      authorizationService.saveAuthorization(create);
    }
    if (authorizationService.createAuthorizationQuery().groupIdIn(OperatorGroups.TICKETING)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("PlatformTestProcess").count() == 0) {
      Authorization a = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(OperatorGroups.TICKETING);
      a.setResource(Resources.PROCESS_DEFINITION);
      a.setResourceId("PlatformTestProcess");
      a.addPermission(ProcessDefinitionPermissions.READ);
      a.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
      authorizationService.saveAuthorization(a);
    }
  }
}
