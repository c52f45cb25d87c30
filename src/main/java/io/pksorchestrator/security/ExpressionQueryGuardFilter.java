package io.pksorchestrator.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Second line of the CVE-2026-109432 mitigation (the decision is the engine's: {@link QueryExpressionGuardPlugin}):
 * refuses, before the REST layer, task queries, task counts, historic task queries and filter
 * create/update/list/count/singleResult requests that carry an expression, on {@code /engine-rest} and on the
 * webapps' proxy {@code /camunda/api/engine/engine/<name>}.
 *
 * <p>The body is decoded exactly as the REST layer decodes it: Jersey hands the byte stream to Jackson, which ignores
 * any charset parameter and detects UTF-8, UTF-16 or UTF-32 (either byte order, with or without byte-order mark)
 * from the bytes, then resolves {@code \}{@code u} escapes in names and strings. This filter parses the same bytes
 * with the same Jackson factory and looks at every decoded field name (any {@code *Expression} field) and every
 * decoded string ({@code ${} or {@code #{}), in every root value; an opener already visible in the raw bytes
 * read as UTF-8 is refused as well. What it cannot decode that way (a content encoding
 * such as gzip, a media type other than {@code application/json}, malformed bytes or JSON) is refused with 415;
 * expressions with 400; bodies above {@code pkso.security.max-query-body-bytes} with 413; all as problem+json, and
 * logged with user and path ({@code PKSO-SEC002}, {@code PKSO-SEC004}). Query-string parameters are decoded as
 * Jersey decodes them (UTF-8 percent-decoding, {@code +} as space).
 */
public class ExpressionQueryGuardFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ExpressionQueryGuardFilter.class);
  private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)$");
  private static final Pattern WEBAPP_PROXY = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)$");
  private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");
  private static final Pattern SLASHES = Pattern.compile("/{2,}");
  /** Resource paths (below the engine root) whose requests are or define task queries. */
  private static final Pattern TASK_QUERY = Pattern.compile(
      "^/(task(/count)?|history/task(/count)?|filter(/create|/count)?|filter/[^/]+(/list|/count|/singleResult)?)/?$");
  private static final String MESSAGE = "Expressions (${...} or #{...}, any *Expression field) are not allowed in"
      + " task queries or filters, also not in orQueries (mitigation of CVE-2026-109432). Query with literal values"
      + " instead, e.g. assignee=<user id> instead of assigneeExpression=${currentUser()}.";

  private enum Verdict { CLEAN, EXPRESSION, UNDECODABLE }

  /** Jackson's defaults, as the REST layer's JSON provider uses them (Camunda configures only data binding). */
  private final JsonFactory json = new JsonFactory();
  private final int maxBodyBytes;
  private final String engineName;

  public ExpressionQueryGuardFilter(SecurityProperties properties, String engineName) {
    this.maxBodyBytes = properties.maxQueryBodyBytes();
    this.engineName = engineName;
  }

  /** Whether a request path (without context path) is a task or filter query guarded by this filter. */
  static boolean isGuarded(String path) {
    String normalized = SLASHES.matcher(PATH_PARAMETERS.matcher(path).replaceAll("")).replaceAll("/");
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
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("${") || t.contains("#{") || t.contains("\\u0024{") || t.contains("\\u0023{")
        || t.contains("%24%7b") || t.contains("%23%7b") || t.contains("$\\u007b") || t.contains("#\\u007b");
  }

  /** Whether a (decoded) field or parameter name is one of the task query's expression fields. */
  static boolean isExpressionField(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).endsWith("expression");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!isGuarded(path)) {
      chain.doFilter(request, response);
      return;
    }
    Verdict query = inspectQueryString(request.getQueryString());
    if (query != Verdict.CLEAN) {
      refuse(request, response, query, "query string");
      return;
    }
    byte[] body = readBody(request.getInputStream());
    if (body == null) {
      Problems.problem(response, 413, "Payload Too Large",
          "Task query bodies are limited to " + maxBodyBytes + " bytes.");
      return;
    }
    if (body.length > 0) {
      String reason = undecodableReason(request);
      // an opener visible in the raw bytes read as UTF-8 is refused as such, even in a body that cannot be decoded
      Verdict verdict = containsExpression(new String(body, StandardCharsets.UTF_8)) ? Verdict.EXPRESSION
          : reason == null ? inspectJson(body) : Verdict.UNDECODABLE;
      if (verdict != Verdict.CLEAN) {
        refuse(request, response, verdict, reason == null ? "body" : reason);
        return;
      }
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  /** Why the body cannot be decoded as the REST layer would, or null when it can. */
  private static String undecodableReason(HttpServletRequest request) {
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
      return "Content-Encoding " + Logs.safe(encoding);
    }
    String type = request.getContentType();
    try {
      if (type != null && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(type))) {
        return null;
      }
    } catch (InvalidMediaTypeException invalid) {
      // refused below
    }
    return "Content-Type " + (type == null ? "(none)" : Logs.safe(type));
  }

  private Verdict inspectJson(byte[] body) {
    try (JsonParser parser = json.createParser(body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (isExpressionField(name) || containsExpression(name)) {
            return Verdict.EXPRESSION;
          }
        } else if (token == JsonToken.VALUE_STRING && containsExpression(parser.getText())) {
          return Verdict.EXPRESSION;
        }
      }
      return Verdict.CLEAN;
    } catch (IOException notDecodable) {
      return Verdict.UNDECODABLE;
    }
  }

  private static Verdict inspectQueryString(String query) {
    if (query == null || query.isEmpty()) {
      return Verdict.CLEAN;
    }
    if (containsExpression(query)) {
      return Verdict.EXPRESSION;
    }
    try {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (isExpressionField(name) || containsExpression(name) || containsExpression(value)) {
          return Verdict.EXPRESSION;
        }
      }
    } catch (IllegalArgumentException malformed) {
      return Verdict.UNDECODABLE;
    }
    return Verdict.CLEAN;
  }

  private byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(maxBodyBytes + 1);
    return body.length > maxBodyBytes ? null : body;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, Verdict verdict, String where)
      throws IOException {
    String user = user(request);
    if (verdict == Verdict.EXPRESSION) {
      LOG.warn("PKSO-SEC002 Refused a task query with an expression in its {}: {} {} by user '{}' from {}", where,
          request.getMethod(), Logs.safe(request.getRequestURI()), user, request.getRemoteAddr());
      Problems.problem(response, 400, "Bad Request", MESSAGE);
    } else {
      LOG.warn("PKSO-SEC004 Refused a task query that cannot be decoded as JSON ({}): {} {} by user '{}' from {}",
          where, request.getMethod(), Logs.safe(request.getRequestURI()), user, request.getRemoteAddr());
      Problems.problem(response, 415, "Unsupported Media Type", "Task queries and filters must be sent as"
          + " application/json without Content-Encoding, in UTF-8, UTF-16 or UTF-32, as well-formed JSON (" + where
          + " could not be decoded).");
    }
  }

  private String user(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal != null) {
      return Logs.safe(principal.getName());
    }
    var session = RequestAuthenticationFilter.fromWebappSession(request.getSession(false), engineName);
    return session == null ? "(anonymous)" : Logs.safe(session.userId());
  }
}
