package io.pksorchestrator.operations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The one outcome writer: the variable names and values the operation view of /api/v1 reads. */
class OutcomeWriterTest {

  private final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void writesOutcomeAndMessage() {
    OutcomeWriter.write(execution, OperationOutcome.CLUSTER_BUSY, "Upgrade stopped before any change.");
    verify(execution).setVariable("outcome", "cluster-busy");
    verify(execution).setVariable("outcomeMessage", "Upgrade stopped before any change.");
  }

  @Test
  void anEndEventWritesTheOutcomeItNamesAndNoMessage() {
    new OutcomeWriter().end(execution, "not-approved");
    verify(execution).setVariable("outcome", "not-approved");
    verify(execution, never()).setVariable(eq("outcomeMessage"), anyString());
  }

  @Test
  void anUnknownOutcomeIsRefused() {
    assertThatThrownBy(() -> new OutcomeWriter().end(execution, "done")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("done");
    verify(execution, never()).setVariable(anyString(), anyString());
  }
}
