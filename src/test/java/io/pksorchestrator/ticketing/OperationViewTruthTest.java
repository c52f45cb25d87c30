package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4: the operation view tells the truth. {@code rejectionReasons} is a list of messages in every
 * process (the upgrade stores a JSON array, cluster creation one message per line; before, the upgrade's came out as
 * Jackson internals {@code {"boolean":false,"nodeType":"ARRAY",...}}), and an open resolve task is
 * {@code waiting-for-operator}, not {@code running}.
 */
class OperationViewTruthTest {

  @Test
  void rejectionReasonsAreAListOfMessagesWhateverTheProcessStored() {
    Object upgrade = Spin.JSON("[\"Cluster 'x' is not on foundation 'lab'\", \"maxInFlight 9 above 4\"]");
    assertThat(OperationViews.messages(upgrade))
        .containsExactly("Cluster 'x' is not on foundation 'lab'", "maxInFlight 9 above 4");
    assertThat(OperationViews.messages("Plan 'huge' does not exist\nName taken\n"))
        .containsExactly("Plan 'huge' does not exist", "Name taken");
    assertThat(OperationViews.messages(List.of("one"))).containsExactly("one");
    assertThat(OperationViews.messages(null)).isNull();
  }

  @Test
  void anOpenResolveTaskIsWaitingForAnOperator() {
    assertThat(OperationViews.state(true, List.of(), List.of("Task_ResolveCanaryFailure"), null))
        .isEqualTo("waiting-for-operator");
    assertThat(OperationViews.state(true, List.of("Task_ApproveResize"), List.of(), null))
        .isEqualTo("waiting-for-approval");
    assertThat(OperationViews.state(true, List.of(), List.of(), null)).isEqualTo("running");
  }
}
