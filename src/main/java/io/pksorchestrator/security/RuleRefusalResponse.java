package io.pksorchestrator.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.operations.FourEyesRule;
import io.pksorchestrator.operations.OperatorInputException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the engine's refusals under the four-eyes rule into a 403 problem on the REST API and the webapps' engine
 * API. The engine answers an {@code AuthorizationException} with 403 and its own JSON, and one thrown by a task
 * listener with 500 ({@code ENGINE-03051} wraps it); the REST layer writes either as Camunda's error body. This
 * wrapper holds back only bodies of 400, 403 and 500 answers (every other answer streams through untouched) and, when the
 * message carries {@link FourEyesRule#PREFIX}, writes {@link Problems#refusal} instead; anything else goes out as
 * the engine wrote it. Two more engine answers of a task completion become problems: a refusal of the operator's
 * input by the task's listener ({@link OperatorInputException#PREFIX}, wrapped in a 500) is a 400 naming the expected
 * variables and their types, and the completion of a task that no longer exists (a 500 from the engine's null check)
 * is a 404.
 */
final class RuleRefusalResponse extends HttpServletResponseWrapper {

  private static final Logger LOG = LoggerFactory.getLogger(RuleRefusalResponse.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ByteArrayOutputStream held;
  private ServletOutputStream heldStream;
  private PrintWriter heldWriter;
  private int status = SC_OK;

  private final String completedTaskId;

  /** @param completedTaskId the task a completion request names, or null for any other request */
  RuleRefusalResponse(HttpServletResponse response, String completedTaskId) {
    super(response);
    this.completedTaskId = completedTaskId;
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
    String input = messageIn(body, OperatorInputException.PREFIX);
    HttpServletResponse response = (HttpServletResponse) getResponse();
    if (refusal != null) {
      response.resetBuffer();
      Problems.refusal(response, refusal);
    } else if (input != null && completedTaskId != null) {
      String detail = input.substring(OperatorInputException.PREFIX.length());
      LOG.info("PKSO-OPS001 Refused the completion of task {} (400, the task stays open): {}",
          Logs.safe(completedTaskId), Logs.safe(detail));
      response.resetBuffer();
      Problems.problem(response, SC_BAD_REQUEST, "Invalid task completion", detail);
    } else if (completedTaskId != null && status == SC_INTERNAL_SERVER_ERROR && taskMissing(body)) {
      LOG.info("PKSO-OPS002 Task {} to complete does not exist (404): completed already, or its operation moved on",
          Logs.safe(completedTaskId));
      response.resetBuffer();
      Problems.problem(response, SC_NOT_FOUND, "Task not found", "Task " + completedTaskId + " does not exist: it"
          + " was completed already, or its operation ended or moved on. Reload the task list.");
    } else {
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  private boolean holding() {
    if (held == null && (status == SC_FORBIDDEN || status == SC_INTERNAL_SERVER_ERROR || status == SC_BAD_REQUEST)) {
      held = new ByteArrayOutputStream();
    }
    return held != null;
  }

  /** The rule's message in an engine error body, without the engine's wrapping; null when there is none. */
  static String refusalIn(byte[] body) {
    return messageIn(body, FourEyesRule.PREFIX);
  }

  /** The message starting with {@code prefix} in an engine error body, without the engine's wrapping; or null. */
  static String messageIn(byte[] body, String prefix) {
    String text = message(body);
    int at = text == null ? -1 : text.indexOf(prefix);
    if (at < 0) {
      return null;
    }
    String rule = text.substring(at);
    // ENGINE-03051 quotes the listener's message: "... Message: '<message>'"
    return rule.endsWith("'") ? rule.substring(0, rule.length() - 1) : rule;
  }

  /** Whether the engine's error says the task does not exist ("Cannot find task with id ...: task is null"). */
  static boolean taskMissing(byte[] body) {
    String text = message(body);
    return text != null && text.contains("Cannot find task with id");
  }

  private static String message(byte[] body) {
    try {
      JsonNode message = JSON.readTree(body).get("message");
      return message == null ? null : message.asText();
    } catch (IOException | RuntimeException notAnEngineError) {
      return null;
    }
  }
}
