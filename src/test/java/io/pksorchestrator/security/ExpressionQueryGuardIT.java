package io.pksorchestrator.security;

import static io.pksorchestrator.PlatformTestSupport.OPERATOR_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.get;
import static io.pksorchestrator.PlatformTestSupport.postJson;
import static io.pksorchestrator.PlatformTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.PlatformApplicationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CVE-2026-109432: task queries and filters carrying expressions are rejected on the REST API and on the webapps'
 * engine proxy, and the expression does not run. The exploit expression would create a user (a visible side
 * effect) through the {@code identityService} bean.
 */
class ExpressionQueryGuardIT extends PlatformApplicationTest {

  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;

  private static String exploit(String user) {
    return "${identityService.saveUser(identityService.newUser('" + user + "'))}";
  }

  @Test
  void orQueriesWithExpressionsAreRejectedAndNothingRuns() {
    HttpResponse<String> r = send(postJson(url("/engine-rest/task"),
        "{\"orQueries\":[{\"assigneeExpression\":\"" + exploit("pwnedone") + "\"}]}")
        .header("Authorization", SecurityIT.ADMIN));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("CVE-2026-109432").doesNotContain("Exception");
    assertThat(identityService.createUserQuery().userId("pwnedone").count()).isZero();
  }

  @Test
  void everyGuardedShapeIsRejected() {
    String json = "{\"orQueries\":[{\"candidateGroupExpression\":\"" + exploit("pwnedtwo") + "\"}]}";
    String escaped = "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{identityService.newUser('x')}\"}]}";
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/task/count", "/engine-rest/history/task",
        "/engine-rest/history/task/count", "/engine-rest/engine/default/task", "/engine-rest//task"}) {
      assertThat(send(postJson(url(path), json).header("Authorization", SecurityIT.ADMIN)).statusCode())
          .as(path).isEqualTo(400);
    }
    assertThat(send(postJson(url("/engine-rest/task"), escaped).header("Authorization", SecurityIT.ADMIN))
        .statusCode()).isEqualTo(400);
    String q = URLEncoder.encode("#{identityService.newUser('pwnedtwo')}", StandardCharsets.UTF_8);
    assertThat(send(get(url("/engine-rest/task?assigneeExpression=" + q)).header("Authorization", SecurityIT.ADMIN))
        .statusCode()).isEqualTo(400);
    String filter = "{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":" + json.replace("orQueries", "x")
        .replace("\"x\":[", "").replace("}]}", "}") + "}";
    assertThat(send(postJson(url("/engine-rest/filter/create"), filter).header("Authorization", SecurityIT.ADMIN))
        .statusCode()).isEqualTo(400);
    String filterId = filterService.createFilterQuery().filterName(IdentityBootstrap.TASKLIST_FILTER).singleResult()
        .getId();
    for (String sub : new String[] {"/list", "/count"}) {
      assertThat(send(postJson(url("/engine-rest/filter/" + filterId + sub), json)
          .header("Authorization", SecurityIT.ADMIN)).statusCode()).as(sub).isEqualTo(400);
    }
    assertThat(send(HttpRequest.newBuilder(URI.create(url("/engine-rest/filter/" + filterId)))
        .header("Authorization", SecurityIT.ADMIN).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(filter))).statusCode()).isEqualTo(400);
    assertThat(identityService.createUserQuery().userId("pwnedtwo").count()).isZero();
    assertThat(filterService.createFilterQuery().filterName("evil").count()).isZero();
  }

  @Test
  void webappProxyIsGuardedToo() {
    WebappSession session = WebappSession.login(port, "operator", OPERATOR_PASSWORD, "tasklist");
    assertThat(session.status()).isEqualTo(200);
    HttpResponse<String> r = send(postJson(url("/camunda/api/engine/engine/default/task"),
        "{\"orQueries\":[{\"assigneeExpression\":\"" + exploit("pwnedthree") + "\"}]}")
        .header("Cookie", session.cookie()).header("X-XSRF-TOKEN", session.csrfToken()));
    assertThat(r.statusCode()).isEqualTo(400);
    String q = URLEncoder.encode(exploit("pwnedthree"), StandardCharsets.UTF_8);
    assertThat(send(get(url("/camunda/api/engine/engine/default/task?assigneeExpression=" + q))
        .header("Cookie", session.cookie())).statusCode()).isEqualTo(400);
    assertThat(identityService.createUserQuery().userId("pwnedthree").count()).isZero();
  }

  @Test
  void normalTaskQueriesStillWork() {
    HttpResponse<String> r = send(postJson(url("/engine-rest/task"),
        "{\"orQueries\":[{\"assignee\":\"operator\",\"candidateGroup\":\"platform-operators\"}]}")
        .header("Authorization", SecurityIT.ADMIN));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(send(get(url("/engine-rest/task/count")).header("Authorization", SecurityIT.ADMIN)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void guardedPathsAndExpressionDetection() {
    assertThat(ExpressionQueryGuardFilter.isGuarded("/engine-rest/task")).isTrue();
    assertThat(ExpressionQueryGuardFilter.isGuarded("/engine-rest/filter/abc/list")).isTrue();
    assertThat(ExpressionQueryGuardFilter.isGuarded("/camunda/api/engine/engine/default/history/task")).isTrue();
    assertThat(ExpressionQueryGuardFilter.isGuarded("/engine-rest/task;x=y")).isTrue();
    assertThat(ExpressionQueryGuardFilter.isGuarded("/engine-rest/task/abc/complete")).isFalse();
    assertThat(ExpressionQueryGuardFilter.containsExpression("a %24%7Bx}")).isTrue();
    assertThat(ExpressionQueryGuardFilter.containsExpression("plain $ and { text")).isFalse();
  }
}
