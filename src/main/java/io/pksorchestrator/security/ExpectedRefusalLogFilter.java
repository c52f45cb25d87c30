package io.pksorchestrator.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.pksorchestrator.operations.FourEyesRule;
import io.pksorchestrator.operations.OperatorInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps the engine's stack traces of <em>expected</em> refusals out of the log. When a task's {@code complete}
 * listener refuses an operator's input ({@link OperatorInputException}), the four-eyes rule refuses a change
 * ({@link AuthorizationException} with {@link FourEyesRule#PREFIX}) or an operator completes a task that another
 * completed a moment before (the engine's {@link NullValueException} "Cannot find task with id"), the engine wraps a
 * listener's exception
 * (ENGINE-03051), logs it as ERROR with its full stack trace when it closes the command context (ENGINE-16004), and
 * Camunda REST logs the resulting 500 again as WARN with a second stack trace (ENGINE-REST-HTTP500): about 250 lines
 * for one mistyped approval, which an operator reads as an outage. The refusal itself is already answered (400 or
 * 403 problem, {@link RuleRefusalResponse}) and logged in one line by this product ({@code PKSO-SEC020}-{@code 023}
 * for the four-eyes rule, {@code PKSO-OPS001} for refused input, {@code PKSO-OPS002} for a task that is gone).
 *
 * <p>This filter drops exactly those two events. The engine's event carries the exception, and is dropped only when
 * its cause chain holds one of the two refusals by type (for the four-eyes rule: an {@code AuthorizationException}
 * whose message starts with the rule's prefix, which only the rule's own messages do; for a gone task: the engine's
 * null check with its fixed message start); every other failure is logged
 * as before. Camunda REST logs only the stack trace's text, so its event is dropped only when the engine's event was
 * dropped on the same thread just before and the text holds that refusal's message; the text alone never drops a
 * line. {@link RefusalLogging} installs the filter.
 */
final class ExpectedRefusalLogFilter extends TurboFilter {

  /** Where the engine logs a failed command (ENGINE-16004). */
  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  /** Where Camunda REST logs the 500 it answered (ENGINE-REST-HTTP500). */
  static final String REST_EXCEPTION_LOGGER = "org.camunda.bpm.engine.rest.exception";

  /** How the engine's null check starts its message when a task to complete does not exist (any more). */
  static final String TASK_GONE = "Cannot find task with id ";

  private static final String NAME = "pksoExpectedRefusalLogFilter";
  private static final int MAX_CAUSES = 20;

  /** The message of the refusal whose engine event this thread dropped last, until Camunda REST's event follows. */
  private static final ThreadLocal<String> DROPPED = new ThreadLocal<>();

  private ExpectedRefusalLogFilter() {
    setName(NAME);
  }

  /**
   * Adds the filter to Logback's context once (again after Spring Boot re-initialises logging, which clears the
   * turbo filters). Does nothing when Logback is not the logging backend.
   */
  static void install() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    synchronized (context) {
      boolean present = context.getTurboFilterList().stream().anyMatch(f -> NAME.equals(f.getName()));
      if (!present) {
        ExpectedRefusalLogFilter filter = new ExpectedRefusalLogFilter();
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
      }
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    if (ENGINE_CONTEXT_LOGGER.equals(name)) {
      Throwable refusal = expectedRefusal(thrown(params, t));
      if (refusal == null) {
        return FilterReply.NEUTRAL;
      }
      DROPPED.set(refusal.getMessage());
      return FilterReply.DENY;
    }
    if (REST_EXCEPTION_LOGGER.equals(name)) {
      String dropped = DROPPED.get();
      if (dropped != null && format != null && format.contains(dropped)) {
        DROPPED.remove();
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }

  /** The throwable of a logging call: given apart, or (slf4j style) as the last argument. */
  private static Throwable thrown(Object[] params, Throwable t) {
    if (t != null) {
      return t;
    }
    if (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      return last;
    }
    return null;
  }

  /** The operator-input refusal or four-eyes refusal in the cause chain, or null. */
  static Throwable expectedRefusal(Throwable thrown) {
    Throwable current = thrown;
    for (int i = 0; current != null && i < MAX_CAUSES; i++) {
      if (current instanceof OperatorInputException && current.getMessage() != null) {
        return current;
      }
      if (current instanceof AuthorizationException && current.getMessage() != null
          && current.getMessage().startsWith(FourEyesRule.PREFIX)) {
        return current;
      }
      if (current instanceof NullValueException && current.getMessage() != null
          && current.getMessage().startsWith(TASK_GONE)) {
        return current;
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    return null;
  }
}
