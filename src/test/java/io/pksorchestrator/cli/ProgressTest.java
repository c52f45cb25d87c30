package io.pksorchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong();

  private Progress progress(long total, Progress.Mode mode) {
    return new Progress("replay", total, "decisions", err, mode, clock::get);
  }

  private void second() {
    clock.addAndGet(1_000_000_000L);
  }

  @Test
  void withoutATerminalALineAtEveryTenthWithTheTimeLeft() {
    try (Progress p = progress(40, Progress.Mode.LINES)) {
      for (int i = 0; i < 40; i++) {
        second();
        p.advance();
      }
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(10);
    assertThat(lines[0]).isEqualTo("replay: 10% (4 of 40 decisions) after 4s, about 36s left");
    assertThat(lines[4]).isEqualTo("replay: 50% (20 of 40 decisions) after 20s, about 20s left");
    assertThat(lines[8]).isEqualTo("replay: 90% (36 of 40 decisions) after 36s, about 4s left");
    assertThat(lines[9]).isEqualTo("replay: 100% (40 of 40 decisions) after 40s");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
  }

  @Test
  void aJumpOverSeveralTenthsPrintsOneLineAndNothingRepeats() {
    try (Progress p = progress(1000, Progress.Mode.LINES)) {
      clock.set(150_000_000_000L);
      p.advance(350);
      p.advance(10);
      p.advance(640);
      p.advance(5);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n")).containsExactly(
        "replay: 30% (350 of 1,000 decisions) after 2m 30s, about 4m 39s left",
        "replay: 100% (1,000 of 1,000 decisions) after 2m 30s");
  }

  @Test
  void quietPrintsNothing() {
    try (Progress p = progress(10, Progress.Mode.QUIET)) {
      for (int i = 0; i < 10; i++) {
        second();
        p.advance();
      }
    }
    assertThat(bytes.size()).isZero();
  }

  @Test
  void onATerminalABarRedrawnInPlaceEndsWithANewLine() {
    try (Progress p = progress(4, Progress.Mode.BAR)) {
      for (int i = 0; i < 4; i++) {
        second();
        p.advance();
      }
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\rreplay [######------------------]  25% 1/4 decisions, 1s, 3s left")
        .contains("\rreplay [############------------]  50% 2/4 decisions, 2s, 2s left")
        .contains("\rreplay [########################] 100% 4/4 decisions, 4s, done").endsWith("\n");
    assertThat(text.chars().filter(c -> c == '\n')).hasSize(1);
  }

  @Test
  void progressOnAnotherStreamThanStandardErrorIsNeverABar() {
    assertThat(Progress.on(err, "replay", 10, "decisions", false).mode()).isEqualTo(Progress.Mode.LINES);
    assertThat(Progress.on(err, "replay", 10, "decisions", true).mode()).isEqualTo(Progress.Mode.QUIET);
  }

  @Test
  void durationsReadLikeAClock() {
    assertThat(Progress.duration(44_600_000_000L)).isEqualTo("45s");
    assertThat(Progress.duration(185_000_000_000L)).isEqualTo("3m 05s");
    assertThat(Progress.duration(3_720_000_000_000L)).isEqualTo("1h 02m");
  }
}
