package io.pksorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.security.TaskQueryExpressionIT.Encoding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The HTTP second line on its own (no engine behind it): it decodes bodies as the REST layer does, so every encoding
 * class and escape form of an expression is refused with 400, what it cannot decode with 415, and clean bodies reach
 * the REST layer byte for byte.
 */
class ExpressionQueryGuardFilterTest {

  private final ExpressionQueryGuardFilter filter = new ExpressionQueryGuardFilter(
      new SecurityProperties(null, null, null, null, 4096, null), "default");

  @Test
  void everyEncodingAndEscapeOfAnExpressionIsRefusedWith400() throws Exception {
    List<String> bodies = List.of(
        "{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}",
        "{\"orQueries\":[{\"assignee\":\"\\u0024\\u007Bx\\u007D\"}]}",
        "{\"orQuer\\u0069es\":[{\"assigneeExpress\\u0069on\":\"plain\"}]}",
        "{\"orQueries\":[{\"assignee\":\"#\\u007bx}\"}]}",
        "{\"a\":1} {\"candidateUserExpression\":\"x\"}",
        "{\"\\u0024{x}\":1}");
    for (Encoding encoding : Encoding.values()) {
      for (String body : bodies) {
        MockHttpServletResponse response = run("/engine-rest/task", encoding.encode(body), "application/json", null);
        assertThat(response.getStatus()).as(encoding + " " + body).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("CVE-2026-109432");
      }
    }
  }

  @Test
  void theCharsetParameterChangesNothingBecauseTheRestLayerIgnoresItToo() throws Exception {
    byte[] utf16 = Encoding.UTF_16BE.encode("{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}");
    for (String type : List.of("application/json; charset=UTF-8", "application/json;charset=ISO-8859-1",
        "application/json; charset=UTF-32", "APPLICATION/JSON")) {
      assertThat(run("/engine-rest/task", utf16, type, null).getStatus()).as(type).isEqualTo(400);
    }
  }

  @Test
  void undecodableBodiesAre415AndOversizedOnes413() throws Exception {
    byte[] clean = "{\"candidateGroup\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    MockHttpServletRequest zipped = request("/engine-rest/task", clean, "application/json", null);
    zipped.addHeader("Content-Encoding", "gzip");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(zipped, response, new MockFilterChain());
    assertThat(response.getStatus()).isEqualTo(415);
    assertThat(run("/engine-rest/task", clean, "text/plain", null).getStatus()).isEqualTo(415);
    assertThat(run("/engine-rest/task", clean, null, null).getStatus()).isEqualTo(415);
    assertThat(run("/engine-rest/task", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'},
        "application/json", null).getStatus()).isEqualTo(415);
    assertThat(run("/engine-rest/task", "{\"a\":".getBytes(StandardCharsets.UTF_8), "application/json", null)
        .getStatus()).isEqualTo(415);
    assertThat(run("/engine-rest/task", new byte[5000], "application/json", null).getStatus()).isEqualTo(413);
  }

  @Test
  void queryStringsAreDecodedAsJerseyDecodesThem() throws Exception {
    for (String query : List.of("assigneeExpression=x", "assignee%45xpression=x", "assignee=%24%7Bx%7D",
        "candidateGroup=a&candidateUserExpression=b", "assignee=%23%7bx%7d")) {
      assertThat(run("/engine-rest/task", new byte[0], null, query).getStatus()).as(query).isEqualTo(400);
    }
    assertThat(run("/engine-rest/task", new byte[0], null, "assignee=%zz").getStatus()).isEqualTo(415);
    assertThat(run("/engine-rest/task", new byte[0], null, "candidateGroup=platform-operators&maxResults=5")
        .getStatus()).isEqualTo(200);
  }

  @Test
  void cleanBodiesPassUnchangedAndOtherPathsAreNotInspected() throws Exception {
    byte[] clean = Encoding.UTF_32LE_BOM.encode("{\"orQueries\":[{\"assignee\":\"a\",\"candidateGroup\":\"b\"}]}");
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request("/camunda/api/engine/engine/default/filter/f1/list", clean, "application/json", null),
        response, chain);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(clean);
    byte[] other = "{\"variables\":{\"x\":{\"value\":\"${y}\"}}}".getBytes(StandardCharsets.UTF_8);
    assertThat(run("/engine-rest/task/t1/complete", other, "application/json", null).getStatus()).isEqualTo(200);
  }

  private MockHttpServletResponse run(String path, byte[] body, String contentType, String query) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request(path, body, contentType, query), response, new MockFilterChain());
    return response;
  }

  private static MockHttpServletRequest request(String path, byte[] body, String contentType, String query) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setContent(body);
    if (contentType != null) {
      request.setContentType(contentType);
    }
    request.setQueryString(query);
    return request;
  }
}
