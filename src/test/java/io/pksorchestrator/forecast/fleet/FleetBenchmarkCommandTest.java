package io.pksorchestrator.forecast.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command's plumbing on a tiny fleet (the timing itself is a command, not a test). */
class FleetBenchmarkCommandTest {

  @Test
  void runsACycleOverASmallFleetAndRejectsBadOptions() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(FleetBenchmarkCommand.run(new String[] {"--clusters", "4", "--days", "3", "--threads", "1"}, o, e))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("clusters=4 history=864 points").contains("cycle wall time:")
        .contains("peak RSS:");
    assertThat(FleetBenchmarkCommand.run(new String[] {"--clusters", "0"}, o, e)).isEqualTo(2);
    assertThat(FleetBenchmarkCommand.run(new String[] {"--bogus", "1"}, o, e)).isEqualTo(2);
    assertThat(err.toString()).contains("--clusters: '0' must be a positive whole number")
        .contains("unknown option --bogus");
  }
}
