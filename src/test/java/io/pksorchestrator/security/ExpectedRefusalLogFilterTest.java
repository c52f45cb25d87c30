package io.pksorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import io.pksorchestrator.operations.FourEyesRule;
import io.pksorchestrator.operations.OperatorInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Which engine log events {@link ExpectedRefusalLogFilter} drops: only the two expected refusals, by type. */
class ExpectedRefusalLogFilterTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  private ch.qos.logback.classic.turbo.TurboFilter filter() {
    ExpectedRefusalLogFilter.install();
    return context.getTurboFilterList().stream()
        .filter(f -> f instanceof ExpectedRefusalLogFilter).findFirst().orElseThrow();
  }

  /** As the engine logs a failed command: the message's arguments, the exception last (slf4j style). */
  private FilterReply decide(String logger, Level level, Throwable thrown) {
    return filter().decide(null, context.getLogger(logger), level, "ENGINE-16004 {}", new Object[] {"x", thrown},
        null);
  }

  /** As Camunda REST logs a 500: the stack trace as text, no exception object. */
  private FilterReply restLogs(Throwable thrown) {
    var text = new java.io.StringWriter();
    thrown.printStackTrace(new java.io.PrintWriter(text));
    return filter().decide(null, context.getLogger(ExpectedRefusalLogFilter.REST_EXCEPTION_LOGGER), Level.WARN,
        "ENGINE-REST-HTTP500 " + text, new Object[0], null);
  }

  private static ProcessEngineException wrappedByTheEngine(Throwable listenerException) {
    return new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
        new ProcessEngineException("Exception while invoking TaskListener", listenerException));
  }

  @Test
  void refusedOperatorInputAndFourEyesRefusalsAreDroppedFromTheEngineAndThenFromCamundaRest() {
    String engine = ExpectedRefusalLogFilter.ENGINE_CONTEXT_LOGGER;
    var input = wrappedByTheEngine(new OperatorInputException("task T expects the variable decision"));
    var fourEyes = wrappedByTheEngine(new AuthorizationException(FourEyesRule.PREFIX + "user 'a' requested it"));
    var gone = new org.camunda.bpm.engine.exception.NullValueException(ExpectedRefusalLogFilter.TASK_GONE
        + "42: task is null");
    for (var refusal : new Throwable[] {input, fourEyes, gone}) {
      assertThat(restLogs(refusal)).as("Camunda REST's text alone drops nothing").isEqualTo(FilterReply.NEUTRAL);
      assertThat(decide(engine, Level.ERROR, refusal)).isEqualTo(FilterReply.DENY);
      assertThat(restLogs(refusal)).as("the same refusal, right after the engine's event").isEqualTo(FilterReply.DENY);
      assertThat(restLogs(refusal)).as("once only").isEqualTo(FilterReply.NEUTRAL);
    }
    decide(engine, Level.ERROR, input);
    assertThat(restLogs(wrappedByTheEngine(new IllegalStateException("database down"))))
        .as("another 500 on the same thread").isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void everyOtherFailureIsLoggedAsBefore() {
    String engine = ExpectedRefusalLogFilter.ENGINE_CONTEXT_LOGGER;
    assertThat(decide(engine, Level.ERROR, wrappedByTheEngine(new IllegalStateException("database down"))))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(engine, Level.ERROR, new AuthorizationException("The user with id 'x' does not have "
        + FourEyesRule.PREFIX))).as("an ordinary authorization failure").isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(engine, Level.ERROR, new ProcessEngineException(OperatorInputException.PREFIX + "forged")))
        .as("the message alone does not switch it on").isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(engine, Level.ERROR, null)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(engine, Level.ERROR, new org.camunda.bpm.engine.exception.NullValueException(
        "execution is null"))).as("another null check").isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("io.pksorchestrator.any", Level.ERROR,
        wrappedByTheEngine(new OperatorInputException("x")))).as("another logger").isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(engine, Level.INFO, wrappedByTheEngine(new OperatorInputException("x"))))
        .as("below WARN").isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void installingTwiceAddsTheFilterOnce() {
    ExpectedRefusalLogFilter.install();
    ExpectedRefusalLogFilter.install();
    assertThat(context.getTurboFilterList().stream().filter(f -> f instanceof ExpectedRefusalLogFilter)).hasSize(1);
  }
}
