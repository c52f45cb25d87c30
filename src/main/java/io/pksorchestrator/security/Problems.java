package io.pksorchestrator.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the small JSON error bodies of the security filters (never a stack trace or other internals). */
final class Problems {

  private Problems() {}

  /** Writes {@code {"status":..,"error":..,"message":..}} with the given status. */
  static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    body(response, "{\"status\":" + status + ",\"error\":\"" + escape(error) + "\",\"message\":\""
        + escape(message) + "\"}");
  }

  /**
   * Writes an RFC 9457 problem ({@code application/problem+json}: type, title, status, detail). The detail is repeated
   * as {@code message}, which is where Camunda's webapps and REST clients look for an error's text.
   */
  static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    body(response, "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
        + ",\"detail\":\"" + escape(detail) + "\",\"message\":\"" + escape(detail) + "\"}");
  }

  /**
   * Writes a refusal under the four-eyes rule: 403, {@code application/problem+json}, with the {@code type} that
   * Camunda's clients know for authorization failures ({@code AuthorizationException}, a relative URI reference)
   * and the message as {@code detail} and {@code message}.
   */
  static void refusal(HttpServletResponse response, String message) throws IOException {
    response.setStatus(403);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    body(response, "{\"type\":\"AuthorizationException\",\"title\":\"Forbidden\",\"status\":403,"
        + "\"detail\":\"" + escape(message) + "\",\"message\":\"" + escape(message) + "\"}");
  }

  /**
   * Writes the body with its exact length: an answer rewritten after the engine set a {@code Content-Length} for its
   * own (shorter) body must not be cut to it.
   */
  private static void body(HttpServletResponse response, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
