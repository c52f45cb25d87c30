package io.pksorchestrator.operations;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The one writer of an operation's outcome: {@code outcome} (an {@link OperationOutcome} value) and the one-line
 * {@code outcomeMessage} a ticketing system shows (read by {@code ticketing.OperationViews} for {@code /api/v1}).
 * Delegates and listeners call {@link #write}; a model's end event without a delegate of its own calls
 * {@code ${outcomeWriter.end(execution, 'not-approved')}}.
 */
@Component("outcomeWriter")
public class OutcomeWriter {

  /** Writes {@code outcome} and {@code outcomeMessage}. */
  public static void write(VariableScope scope, OperationOutcome outcome, String message) {
    scope.setVariable(OperationVariables.OUTCOME, outcome.value());
    scope.setVariable(OperationVariables.OUTCOME_MESSAGE, message);
  }

  /** Writes {@code outcome} only (the model states the outcome; no message is composed). */
  public static void write(VariableScope scope, OperationOutcome outcome) {
    scope.setVariable(OperationVariables.OUTCOME, outcome.value());
  }

  /** For model expressions: writes the outcome given by its stored value, e.g. {@code not-approved}. */
  public void end(DelegateExecution execution, String outcomeValue) {
    write(execution, OperationOutcome.fromValue(outcomeValue));
  }
}
