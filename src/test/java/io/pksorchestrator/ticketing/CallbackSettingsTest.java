package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackSettingsTest {

  @Test
  void backoffDoublesUpToTheMaximum() {
    var callbacks = new TicketingProperties.Callbacks(null, Duration.ofSeconds(10), Duration.ofMinutes(1), 5, null, null);
    assertThat(callbacks.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(callbacks.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(callbacks.backoff(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(callbacks.backoff(4)).isEqualTo(Duration.ofMinutes(1));
    assertThat(callbacks.backoff(60)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void signatureIsHexHmacSha256OfTheBody() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertThat(WebhookSigner.signature("Jefe", "what do ya want for nothing?"))
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void secretFileWinsAndAMissingSecretIsExplained(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "from-file\n");
    assertThat(new TicketingProperties.Client("http://x", "inline", file).secret()).isEqualTo("from-file");
    assertThat(new TicketingProperties.Client("http://x", "inline", null).secret()).isEqualTo("inline");
    assertThatThrownBy(() -> new TicketingProperties.Client("http://x", null, null).secret())
        .hasMessageContaining("webhook-secret");
  }

  @Test
  void stateFollowsTheSharedOutcomeVocabulary() {
    assertThat(OperationViews.state(true, java.util.List.of(), null)).isEqualTo("running");
    assertThat(OperationViews.state(true, java.util.List.of("task"), null)).isEqualTo("waiting-for-approval");
    assertThat(OperationViews.state(false, java.util.List.of(), "created")).isEqualTo("succeeded");
    assertThat(OperationViews.state(false, java.util.List.of(), "approval-expired")).isEqualTo("rejected");
    assertThat(OperationViews.state(false, java.util.List.of(), "completed-with-failures")).isEqualTo("failed");
    assertThat(OperationViews.state(false, java.util.List.of(), null)).isEqualTo("failed");
  }
}
