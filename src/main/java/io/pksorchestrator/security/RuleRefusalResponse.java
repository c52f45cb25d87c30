package io.pksorchestrator.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.operations.FourEyesRule;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Turns the engine's refusals under the four-eyes rule into a 403 problem on the REST API and the webapps' engine
 * API. The engine answers an {@code AuthorizationException} with 403 and its own JSON, and one thrown by a task
 * listener with 500 ({@code ENGINE-03051} wraps it); the REST layer writes either as Camunda's error body. This
 * wrapper holds back only bodies of 403 and 500 answers (every other answer streams through untouched) and, when the
 * message carries {@link FourEyesRule#PREFIX}, writes {@link Problems#refusal} instead; anything else goes out as
 * the engine wrote it.
 */
final class RuleRefusalResponse extends HttpServletResponseWrapper {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ByteArrayOutputStream held;
  private ServletOutputStream heldStream;
  private PrintWriter heldWriter;
  private int status = SC_OK;

  RuleRefusalResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
    super.setStatus(sc);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (!holding()) {
      return super.getOutputStream();
    }
    if (heldStream == null) {
      heldStream = new ServletOutputStream() {
        @Override
        public void write(int b) {
          held.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          held.write(b, off, len);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("Asynchronous writing is not supported");
        }
      };
    }
    return heldStream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (!holding()) {
      return super.getWriter();
    }
    if (heldWriter == null) {
      heldWriter = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
    }
    return heldWriter;
  }

  @Override
  public void setContentLength(int len) {
    if (!holding()) {
      super.setContentLength(len);
    }
  }

  @Override
  public void setContentLengthLong(long len) {
    if (!holding()) {
      super.setContentLengthLong(len);
    }
  }

  @Override
  public void flushBuffer() throws IOException {
    if (!holding()) {
      super.flushBuffer();
    }
  }

  /** Writes what was held back: the refusal as a problem, anything else as it was. */
  void finish() throws IOException {
    if (held == null) {
      return;
    }
    if (heldWriter != null) {
      heldWriter.flush();
    }
    byte[] body = held.toByteArray();
    String refusal = refusalIn(body);
    HttpServletResponse response = (HttpServletResponse) getResponse();
    if (refusal != null) {
      response.resetBuffer();
      Problems.refusal(response, refusal);
    } else {
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  private boolean holding() {
    if (held == null && (status == SC_FORBIDDEN || status == SC_INTERNAL_SERVER_ERROR)) {
      held = new ByteArrayOutputStream();
    }
    return held != null;
  }

  /** The rule's message in an engine error body, without the engine's wrapping; null when there is none. */
  static String refusalIn(byte[] body) {
    try {
      JsonNode message = JSON.readTree(body).get("message");
      String text = message == null ? null : message.asText();
      int at = text == null ? -1 : text.indexOf(FourEyesRule.PREFIX);
      if (at < 0) {
        return null;
      }
      String rule = text.substring(at);
      // ENGINE-03051 quotes the listener's message: "... Message: '<message>'"
      return rule.endsWith("'") ? rule.substring(0, rule.length() - 1) : rule;
    } catch (IOException | RuntimeException notAnEngineError) {
      return null;
    }
  }
}
