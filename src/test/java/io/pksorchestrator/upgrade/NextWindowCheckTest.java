package io.pksorchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.operations.OperatorInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** "Continue in the next window" needs a window that has not ended, in the right order. */
class NextWindowCheckTest {

  static final Instant NOW = Instant.parse("2026-11-29T21:00:00Z");

  @Test
  void aWindowThatHasNotEndedIsAccepted() {
    assertThatCode(() -> NextWindowCheck.check("2026-11-29T22:00:00Z", "2026-11-30T02:00Z", NOW))
        .doesNotThrowAnyException();
    // already open but not over: continue at once
    assertThatCode(() -> NextWindowCheck.check("2026-11-29T20:00:00Z", "2026-11-29T23:00:00Z", NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void aPastMissingMalformedOrReversedWindowIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> NextWindowCheck.check("2026-11-28T22:00:00Z", "2026-11-29T02:00:00Z", NOW))
        .isInstanceOf(OperatorInputException.class).hasMessageContaining("has already ended")
        .hasMessageContaining("choose a window in the future");
    assertThatThrownBy(() -> NextWindowCheck.check(null, "2026-11-30T02:00:00Z", NOW))
        .hasMessageContaining("nextWindowStart is missing");
    assertThatThrownBy(() -> NextWindowCheck.check("tomorrow", "2026-11-30T02:00:00Z", NOW))
        .hasMessageContaining("'tomorrow' is not an ISO-8601 date-time");
    assertThatThrownBy(() -> NextWindowCheck.check("2026-11-30T03:00:00Z", "2026-11-30T02:00:00Z", NOW))
        .hasMessageContaining("ends (2026-11-30T02:00:00Z) before it starts");
  }
}
