package io.pksorchestrator.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigation of CVE-2026-109432 (expression injection through task queries, including {@code orQueries}, fixed only
 * in enterprise releases of Camunda 7.24): rejects with 400 every task query, task count, historic task query and
 * filter create/update/list/count request that carries an expression ({@code ${...}} or {@code #{...}}) anywhere in
 * its query string or JSON body, on {@code /engine-rest} and on the webapps' proxy {@code /camunda/api/engine/engine/<name>}.
 * The body is read once (at most {@code pkso.security.max-query-body-bytes}, else 413), inspected as raw text and,
 * when it is JSON, as decoded string values and keys (so {@code \u0024{} escapes do not slip through), and handed
 * on re-buffered.
 */
public class ExpressionQueryGuardFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ExpressionQueryGuardFilter.class);
  private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)$");
  private static final Pattern WEBAPP_PROXY = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)$");
  /** Resource paths (below the engine root) whose requests are or define task queries. */
  private static final Pattern TASK_QUERY = Pattern.compile(
      "^/(task(/count)?|history/task(/count)?|filter(/create|/count)?|filter/[^/]+(/list|/count|/singleResult)?)/?$");
  private static final String MESSAGE = "Expressions (${...} or #{...}) are not allowed in task queries or filters"
      + " (mitigation of CVE-2026-109432). Query with literal values instead.";

  private final ObjectMapper json = new ObjectMapper();
  private final int maxBodyBytes;

  public ExpressionQueryGuardFilter(SecurityProperties properties) {
    this.maxBodyBytes = properties.maxQueryBodyBytes();
  }

  /** Whether a request path (without context path) is a task or filter query guarded by this filter. */
  static boolean isGuarded(String path) {
    String normalized = path.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
    var m = ENGINE_REST.matcher(normalized);
    if (!m.matches()) {
      m = WEBAPP_PROXY.matcher(normalized);
      if (!m.matches()) {
        return false;
      }
    }
    return TASK_QUERY.matcher(m.group(1)).matches();
  }

  /** Whether a text contains an expression opener, also in JSON or URL escaped form. */
  static boolean containsExpression(String text) {
    if (text == null) {
      return false;
    }
    String t = text.toLowerCase();
    return t.contains("${") || t.contains("#{") || t.contains("\\u0024{") || t.contains("\\u0023{")
        || t.contains("%24%7b") || t.contains("%23%7b") || t.contains("$\\u007b") || t.contains("#\\u007b");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!isGuarded(path)) {
      chain.doFilter(request, response);
      return;
    }
    if (containsExpression(request.getQueryString()) || parametersContainExpression(request)) {
      reject(request, response);
      return;
    }
    byte[] body = readBody(request.getInputStream());
    if (body == null) {
      Problems.write(response, 413, "Payload Too Large",
          "Task query bodies are limited to " + maxBodyBytes + " bytes.");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (containsExpression(text) || jsonContainsExpression(text)) {
      reject(request, response);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private boolean parametersContainExpression(HttpServletRequest request) {
    // Only the query string is parsed here (form bodies are not used by these resources); reading parameters
    // from a form body would consume it.
    if (request.getQueryString() == null) {
      return false;
    }
    for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
      if (containsExpression(e.getKey())) {
        return true;
      }
      for (String v : e.getValue()) {
        if (containsExpression(v)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean jsonContainsExpression(String text) {
    if (text.isBlank()) {
      return false;
    }
    try {
      return walk(json.readTree(text));
    } catch (IOException notJson) {
      return false; // the raw text was checked already; the engine rejects malformed JSON itself
    }
  }

  private boolean walk(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isTextual()) {
      return containsExpression(node.textValue());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (containsExpression(e.getKey()) || walk(e.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        if (walk(child)) {
          return true;
        }
      }
    }
    return false;
  }

  private byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(maxBodyBytes + 1);
    return body.length > maxBodyBytes ? null : body;
  }

  private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
    LOG.warn("PKSO-SEC002 Rejected a task query with an expression: {} {} from {}", request.getMethod(),
        request.getRequestURI(), request.getRemoteAddr());
    Problems.write(response, 400, "Bad Request", MESSAGE);
  }
}
