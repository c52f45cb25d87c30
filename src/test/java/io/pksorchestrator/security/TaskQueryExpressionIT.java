package io.pksorchestrator.security;

import static io.pksorchestrator.PlatformTestSupport.ADMIN_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.OPERATOR_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.TICKETING_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.basic;
import static io.pksorchestrator.PlatformTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.PlatformApplicationTest;
import io.pksorchestrator.operations.OperatorGroups;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #11, item 1 (CVE-2026-109432): a task query with an expression anywhere (top level or any {@code orQueries}
 * entry, ad hoc or stored in a filter) is refused before it runs, for every user, however it arrives: the Java API
 * (the engine's own control), {@code /engine-rest} with every JSON encoding class the REST layer decodes (UTF-8,
 * UTF-16 and UTF-32 in both byte orders, with and without byte-order mark, any charset parameter, backslash-u
 * escapes in keys and values), stored filters, and the webapps' engine proxy. Every expression used here calls
 * {@link ExpressionProbe}: the probe proves that none was evaluated.
 */
class TaskQueryExpressionIT extends PlatformApplicationTest {

  private static final String PROBE = ExpressionProbe.EXPRESSION;
  private static final String TICKETING = basic("ticketing", TICKETING_PASSWORD);
  private static final String OPERATOR = basic("operator", OPERATOR_PASSWORD);
  private static final String ADMIN = basic("admin", ADMIN_PASSWORD);

  /** Body shapes of the exploit: or-query, escapes in keys and values, top level. */
  private static final List<String> EXPLOITS = List.of(
      "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}",
      "{\"orQuer\\u0069es\":[{\"candidateGroup\":\"x\"},{\"assigneeExpress\\u0069on\":"
          + "\"\\u0024\\u007bexpressionProbe.touch()\\u007d\"}]}",
      "{\"orQueries\":[{\"candidateUserExpression\":\"#{expressionProbe.touch()}\"}],\"active\":true}",
      "{\"candidateGroupExpression\":\"" + PROBE + "\"}");
  private static final List<String> CONTENT_TYPES = List.of("application/json",
      "application/json; charset=UTF-8", "application/json;charset=UTF-16", "application/json; charset=ISO-8859-1");

  @Autowired ConfigurableApplicationContext context;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  private int probeCallsBefore;
  private final List<String> filtersToDelete = new ArrayList<>();

  /** The JSON encodings of RFC 4627 / RFC 8259 that Jackson detects from the bytes, with and without BOM. */
  enum Encoding {
    UTF_8("UTF-8", new byte[0]), UTF_8_BOM("UTF-8", bytes(0xEF, 0xBB, 0xBF)),
    UTF_16LE("UTF-16LE", new byte[0]), UTF_16LE_BOM("UTF-16LE", bytes(0xFF, 0xFE)),
    UTF_16BE("UTF-16BE", new byte[0]), UTF_16BE_BOM("UTF-16BE", bytes(0xFE, 0xFF)),
    UTF_32LE("UTF-32LE", new byte[0]), UTF_32LE_BOM("UTF-32LE", bytes(0xFF, 0xFE, 0, 0)),
    UTF_32BE("UTF-32BE", new byte[0]), UTF_32BE_BOM("UTF-32BE", bytes(0, 0, 0xFE, 0xFF));

    final Charset charset;
    final byte[] bom;

    Encoding(String charset, byte[] bom) {
      this.charset = Charset.forName(charset);
      this.bom = bom;
    }

    byte[] encode(String json) {
      byte[] body = json.getBytes(charset);
      byte[] all = new byte[bom.length + body.length];
      System.arraycopy(bom, 0, all, 0, bom.length);
      System.arraycopy(body, 0, all, bom.length, body.length);
      return all;
    }
  }

  @BeforeEach
  void probe() {
    ExpressionProbe.register(context);
    probeCallsBefore = ExpressionProbe.calls();
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    filtersToDelete.forEach(id -> {
      if (filterService.getFilter(id) != null) {
        filterService.deleteFilter(id);
      }
    });
  }

  // ---- the engine: Java API ------------------------------------------------------------------------------

  @Test
  void theEngineRefusesExpressionsInOrQueriesAndAtTopLevelForEveryUser() {
    try (SecurityLog log = new SecurityLog()) {
      for (Runnable as : List.<Runnable>of(
          () -> identityService.setAuthentication("admin", List.of(OperatorGroups.ADMINS)),
          () -> identityService.setAuthentication("operator", List.of(OperatorGroups.OPERATORS)),
          () -> identityService.setAuthentication("ticketing", List.of(OperatorGroups.TICKETING)),
          identityService::clearAuthentication)) {
        as.run();
        List<Supplier<TaskQuery>> queries = List.of(
            () -> taskService.createTaskQuery().or().taskAssigneeExpression(PROBE).taskCandidateGroup("x").endOr(),
            () -> taskService.createTaskQuery().or().taskCandidateGroup("x").endOr()
                .or().taskCandidateUserExpression("${currentUser()}").taskAssignee("x").endOr(),
            () -> taskService.createTaskQuery().or().dueBeforeExpression("${now()}").endOr(),
            () -> taskService.createTaskQuery().taskCandidateGroupExpression(PROBE));
        for (Supplier<TaskQuery> query : queries) {
          assertThatThrownBy(() -> query.get().list()).isInstanceOf(BadUserRequestException.class)
              .hasMessageContaining("xpression");
          assertThatThrownBy(() -> query.get().count()).isInstanceOf(BadUserRequestException.class);
          assertThatThrownBy(() -> query.get().listPage(0, 5)).isInstanceOf(BadUserRequestException.class);
          assertThatThrownBy(() -> query.get().singleResult()).isInstanceOf(BadUserRequestException.class);
        }
      }
      assertThat(log.lines()).anyMatch(l -> l.startsWith("PKSO-SEC003") && l.contains("'ticketing'")
          && l.contains("orQueries[0].taskAssigneeExpression"));
    }
    assertNoExpressionEvaluated();
  }

  @Test
  void filtersWithExpressionsCannotBeSavedAndExtendingQueriesCannotAddThem() {
    Filter clean = filterService.newTaskFilter("expression-free " + System.nanoTime())
        .setQuery(taskService.createTaskQuery().taskCandidateGroup(OperatorGroups.OPERATORS));
    filterService.saveFilter(clean);
    filtersToDelete.add(clean.getId());
    // a fresh query object per call: the engine's extend() rearranges the or-queries of the query it extends with
    for (Supplier<TaskQuery> query : List.<Supplier<TaskQuery>>of(
        () -> taskService.createTaskQuery().or().taskAssigneeExpression(PROBE).endOr(),
        () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        () -> taskService.createTaskQuery().or().taskCandidateGroup("x").endOr().or().dueAfterExpression("${now()}")
            .endOr())) {
      identityService.setAuthentication("admin", List.of(OperatorGroups.ADMINS));
      Filter filter = filterService.newTaskFilter("with expression " + System.nanoTime()).setQuery(query.get());
      assertThatThrownBy(() -> filterService.saveFilter(filter)).isInstanceOf(BadUserRequestException.class);
      Filter update = filterService.getFilter(clean.getId()).setQuery(query.get());
      assertThatThrownBy(() -> filterService.saveFilter(update)).isInstanceOf(BadUserRequestException.class);
      identityService.setAuthentication("operator", List.of(OperatorGroups.OPERATORS));
      assertThatThrownBy(() -> filterService.list(clean.getId(), query.get()))
          .isInstanceOf(BadUserRequestException.class);
      assertThatThrownBy(() -> filterService.count(clean.getId(), query.get()))
          .isInstanceOf(BadUserRequestException.class);
      assertThatThrownBy(() -> filterService.singleResult(clean.getId(), query.get()))
          .isInstanceOf(BadUserRequestException.class);
    }
    identityService.clearAuthentication();
    assertThat(filterService.createFilterQuery().filterNameLike("with expression %").count()).isZero();
    assertNoExpressionEvaluated();
  }

  @Test
  void aFilterThatAlreadyHoldsAnExpressionIsReportedAndRefusedWhenRun() {
    String id = legacyFilterWith(taskService.createTaskQuery().or().taskAssigneeExpression(PROBE).endOr());
    try (SecurityLog log = new SecurityLog()) {
      context.getBean(StoredFilterAudit.class).report();
      assertThat(log.lines()).anyMatch(l -> l.startsWith("PKSO-SEC005") && l.contains(id)
          && l.contains("orQueries[0].taskAssigneeExpression"));
    }
    identityService.setAuthentication("admin", List.of(OperatorGroups.ADMINS));
    assertThatThrownBy(() -> filterService.list(id)).isInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> filterService.count(id)).isInstanceOf(BadUserRequestException.class);
    identityService.clearAuthentication();
    for (String sub : List.of("/list", "/count", "/singleResult")) {
      HttpResponse<String> r = post("/engine-rest/filter/" + id + sub, Encoding.UTF_8.encode("{}"),
          "application/json", ADMIN);
      assertThat(r.statusCode()).as(sub + ": " + r.body()).isEqualTo(400);
    }
    // an administrator can still see and delete it
    filterService.deleteFilter(id);
    assertThat(filterService.getFilter(id)).isNull();
    assertNoExpressionEvaluated();
  }

  // ---- /engine-rest --------------------------------------------------------------------------------------

  @Test
  void restTaskQueriesInEveryEncodingAreRefused() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/engine/default/task",
        "/engine-rest/engine/default/task/count")) {
      // the REST layer ignores the charset parameter: every one is tried on one path, the plain type on all
      for (String contentType : path.equals("/engine-rest/task") ? CONTENT_TYPES : CONTENT_TYPES.subList(0, 1)) {
        for (Encoding encoding : Encoding.values()) {
          for (String exploit : EXPLOITS) {
            HttpResponse<String> r = post(path, encoding.encode(exploit), contentType, TICKETING);
            assertThat(r.statusCode()).as(path + " " + encoding + " " + contentType + " " + exploit + ": " + r.body())
                .isEqualTo(400);
          }
        }
      }
    }
    assertNoExpressionEvaluated();
  }

  @Test
  void operatorsAndAdminsAreRefusedToo() {
    for (String auth : List.of(OPERATOR, ADMIN)) {
      for (Encoding encoding : List.of(Encoding.UTF_16LE, Encoding.UTF_32BE_BOM, Encoding.UTF_8)) {
        HttpResponse<String> r = post("/engine-rest/task", encoding.encode(EXPLOITS.get(0)), "application/json",
            auth);
        assertThat(r.statusCode()).as(encoding + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
      }
    }
    assertNoExpressionEvaluated();
  }

  @Test
  void filterCreateUpdateAndExecutionOverRestAreRefusedInEveryEncoding() {
    Filter clean = filterService.newTaskFilter("rest-clean " + System.nanoTime())
        .setQuery(taskService.createTaskQuery().taskCandidateGroup(OperatorGroups.OPERATORS));
    filterService.saveFilter(clean);
    filtersToDelete.add(clean.getId());
    for (Encoding encoding : Encoding.values()) {
      for (String exploit : EXPLOITS) {
        String filter = "{\"resourceType\":\"Task\",\"name\":\"evil-" + encoding + "\",\"query\":" + exploit + "}";
        HttpResponse<String> created = post("/engine-rest/filter/create", encoding.encode(filter),
            "application/json", ADMIN);
        assertThat(created.statusCode()).as(encoding + " create " + exploit + ": " + created.body()).isEqualTo(400);
        HttpResponse<String> updated = send(HttpRequest.newBuilder(URI.create(url("/engine-rest/filter/"
                + clean.getId()))).header("Authorization", ADMIN).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(encoding.encode(filter))));
        assertThat(updated.statusCode()).as(encoding + " update " + exploit + ": " + updated.body()).isEqualTo(400);
        for (String sub : List.of("/list", "/count", "/singleResult")) {
          HttpResponse<String> run = post("/engine-rest/filter/" + clean.getId() + sub, encoding.encode(exploit),
              "application/json", OPERATOR);
          assertThat(run.statusCode()).as(encoding + sub + " " + exploit + ": " + run.body()).isEqualTo(400);
        }
      }
    }
    assertThat(filterService.createFilterQuery().filterNameLike("evil-%").count()).isZero();
    assertThat(filterService.getFilter(clean.getId()).getName()).startsWith("rest-clean");
    assertNoExpressionEvaluated();
  }

  @Test
  void webappProxyRefusesEveryEncoding() {
    WebappSession session = WebappSession.login(port, "operator", OPERATOR_PASSWORD, "tasklist");
    assertThat(session.status()).isEqualTo(200);
    Filter clean = filterService.newTaskFilter("proxy-clean " + System.nanoTime())
        .setQuery(taskService.createTaskQuery().taskCandidateGroup(OperatorGroups.OPERATORS));
    filterService.saveFilter(clean);
    filtersToDelete.add(clean.getId());
    for (String path : List.of("/camunda/api/engine/engine/default/task",
        "/camunda/api/engine/engine/default/task/count",
        "/camunda/api/engine/engine/default/filter/" + clean.getId() + "/list")) {
      for (Encoding encoding : Encoding.values()) {
        for (String exploit : EXPLOITS) {
          HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url(path)))
              .header("Content-Type", "application/json").header("Cookie", session.cookie())
              .header("X-XSRF-TOKEN", session.csrfToken())
              .POST(HttpRequest.BodyPublishers.ofByteArray(encoding.encode(exploit))));
          assertThat(r.statusCode()).as(path + " " + encoding + " " + exploit + ": " + r.body()).isEqualTo(400);
        }
      }
    }
    assertNoExpressionEvaluated();
  }

  @Test
  void bodiesTheGuardCannotDecodeAreRefusedWith415() throws Exception {
    byte[] gzip;
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(EXPLOITS.get(0).getBytes(StandardCharsets.UTF_8));
      zip.finish();
      gzip = out.toByteArray();
    }
    try (SecurityLog log = new SecurityLog()) {
      HttpResponse<String> zipped = send(HttpRequest.newBuilder(URI.create(url("/engine-rest/task")))
          .header("Authorization", TICKETING).header("Content-Type", "application/json")
          .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gzip)));
      assertThat(zipped.statusCode()).isEqualTo(415);
      assertThat(zipped.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      // malformed: an invalid UTF-8 sequence, and JSON that is not well-formed
      byte[] broken = "{\"candidateGroup\":\"a_b\"}".getBytes(StandardCharsets.UTF_8);
      broken[20] = (byte) 0xC3;
      broken[21] = (byte) 0x28;
      assertThat(post("/engine-rest/task", broken, "application/json", TICKETING).statusCode()).isEqualTo(415);
      assertThat(post("/engine-rest/task", Encoding.UTF_16BE.encode("{\"candidateGroup\": x}"), "application/json",
          TICKETING).statusCode()).isEqualTo(415);
      assertThat(post("/engine-rest/task", Encoding.UTF_16LE.encode(EXPLOITS.get(0)), "text/plain",
          TICKETING).statusCode()).isEqualTo(415);
      assertThat(post("/engine-rest/task", EXPLOITS.get(0).getBytes(StandardCharsets.UTF_8), "text/plain",
          TICKETING).statusCode()).as("an opener in the raw bytes").isEqualTo(400);
      assertThat(log.lines()).anyMatch(l -> l.startsWith("PKSO-SEC004") && l.contains("'ticketing'")
          && l.contains("/engine-rest/task"));
    }
    assertNoExpressionEvaluated();
  }

  @Test
  void queriesWithoutExpressionsWorkInEveryEncoding() {
    String harmless = "{\"orQueries\":[{\"assignee\":\"nobody\",\"candidateGroup\":\"platform-operators\"}],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    for (Encoding encoding : Encoding.values()) {
      HttpResponse<String> r = post("/engine-rest/task", encoding.encode(harmless), "application/json", OPERATOR);
      assertThat(r.statusCode()).as(encoding + ": " + r.body()).isEqualTo(200);
    }
    assertThat(post("/engine-rest/task/count", new byte[0], "application/json", OPERATOR).statusCode())
        .isEqualTo(200);
    assertThat(send(io.pksorchestrator.PlatformTestSupport.get(url("/engine-rest/task?candidateGroup=x"))
        .header("Authorization", OPERATOR)).statusCode()).isEqualTo(200);
  }

  private String legacyFilterWith(TaskQuery query) {
    Filter filter = filterService.newTaskFilter("legacy " + System.nanoTime())
        .setQuery(taskService.createTaskQuery().taskCandidateGroup(OperatorGroups.OPERATORS));
    filterService.saveFilter(filter);
    filtersToDelete.add(filter.getId());
    FilterEntity legacy = new FilterEntity("Task");
    legacy.setQuery(query);
    // written behind the engine's back, as an older version of the product (or Tasklist) could have stored it
    int rows = jdbc.update("UPDATE ACT_RU_FILTER SET QUERY_ = ? WHERE ID_ = ?", legacy.getQueryInternal(),
        filter.getId());
    assertThat(rows).isOne();
    return filter.getId();
  }

  private HttpResponse<String> post(String path, byte[] body, String contentType, String authorization) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", authorization)
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private void assertNoExpressionEvaluated() {
    assertThat(ExpressionProbe.calls()).as("expressions evaluated").isEqualTo(probeCallsBefore);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
