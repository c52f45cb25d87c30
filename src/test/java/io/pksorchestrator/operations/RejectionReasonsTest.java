package io.pksorchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The one reader of {@code rejectionReasons}: what this version stores and what older instances stored. */
class RejectionReasonsTest {

  @Test
  void readsTheJsonListAndWhatOlderInstancesStored() {
    assertThat(RejectionReasons.read(Spin.JSON("[\"Plan 'huge' does not exist.\",\"No external hostname.\"]")))
        .containsExactly("Plan 'huge' does not exist.", "No external hostname.");
    assertThat(RejectionReasons.read("Plan 'huge' does not exist.\nNo external hostname.\n"))
        .as("one reason per line (cluster creation before the JSON list)")
        .containsExactly("Plan 'huge' does not exist.", "No external hostname.");
    assertThat(RejectionReasons.read(List.of("a", "b"))).containsExactly("a", "b");
    assertThat(RejectionReasons.read("")).isEmpty();
    assertThat(RejectionReasons.read(null)).isEmpty();
    assertThat(RejectionReasons.read("[not json")).containsExactly("[not json");
  }
}
