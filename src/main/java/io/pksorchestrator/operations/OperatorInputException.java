package io.pksorchestrator.operations;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * An operator completed a task without the input its process needs (a missing or wrongly typed decision, a
 * rejection without a comment, a maintenance window in the past). Thrown inside the engine by the task's
 * {@code complete} listener, so the completion is rolled back and the task stays open; the engine wraps a listener's
 * exception (ENGINE-03051), and the HTTP layer ({@code security.FourEyesRequestFilter}) recognises the message by
 * {@link #PREFIX} and answers 400 {@code application/problem+json} with it.
 */
public class OperatorInputException extends ProcessEngineException {

  /** How every message starts. */
  public static final String PREFIX = "Operator input: ";

  public OperatorInputException(String message) {
    super(PREFIX + message);
  }
}
