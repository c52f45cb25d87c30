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
    // progress on standard error only: not a terminal here, so a line per tenth (4 clusters: 4 of the tenths)
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(4)
        .allMatch(l -> l.startsWith("fleet-benchmark: ")).last().asString()
        .startsWith("fleet-benchmark: 100% (4 of 4 clusters forecast) after ");
    assertThat(out.toString()).doesNotContain("fleet-benchmark: ");
    err.reset();
    assertThat(FleetBenchmarkCommand.run(new String[] {"--clusters", "2", "--days", "2", "--quiet"}, o, e))
        .isZero();
    assertThat(err.size()).as("standard error with --quiet").isZero();
    assertThat(FleetBenchmarkCommand.run(new String[] {"--clusters", "0"}, o, e)).isEqualTo(2);
    assertThat(FleetBenchmarkCommand.run(new String[] {"--bogus", "1"}, o, e)).isEqualTo(2);
    assertThat(err.toString()).contains("--clusters: '0' must be a positive whole number")
        .contains("unknown option --bogus");
  }
}
