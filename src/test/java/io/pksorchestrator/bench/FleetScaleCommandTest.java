package io.pksorchestrator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code fleet-scale} command's options: defaults, help, and clear refusals (exit 2) before anything starts. */
class FleetScaleCommandTest {

  @Test
  void defaultsAndOptions() {
    FleetScaleCommand.Options d = FleetScaleCommand.Options.parse(new String[0]);
    assertThat(d.clusters()).isEqualTo(1000);
    assertThat(d.days()).isEqualTo(1);
    assertThat(d.speed()).isEqualTo(144);
    assertThat(d.cycle()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.history()).isEqualTo(Duration.ofDays(14));
    assertThat(d.batchSize()).isNull();
    assertThat(d.mode()).isEqualTo("forecast-and-scale");
    assertThat(d.simulatorPort()).as("the simulator inside this JVM unless told otherwise").isNull();
    FleetScaleCommand.Options o = FleetScaleCommand.Options.parse(new String[] {"--clusters", "50", "--days", "0.5",
        "--cycle", "2m", "--batch-size", "10", "--history", "3d", "--mode", "forecast-only", "--quiet"});
    assertThat(o.clusters()).isEqualTo(50);
    assertThat(o.days()).isEqualTo(0.5);
    assertThat(o.cycle()).isEqualTo(Duration.ofMinutes(2));
    assertThat(o.batchSize()).isEqualTo(10);
    assertThat(o.history()).isEqualTo(Duration.ofDays(3));
    assertThat(o.quiet()).isTrue();
    FleetScaleCommand.Options standalone = FleetScaleCommand.Options.parse(new String[] {"--simulator-port", "9393",
        "--simulator-pid", "4242"});
    assertThat(standalone.simulatorPort()).isEqualTo(9393);
    assertThat(standalone.simulatorPid()).isEqualTo(4242L);
  }

  @Test
  void badOptionsAreRefusedWithExitCode2AndHelpExits0() {
    for (String[] args : new String[][] {{"--clusters", "0"}, {"--clusters", "many"}, {"--history", "12h"},
        {"--mode", "scale"}, {"--speed"}, {"--frobnicate", "1"}, {"--simulator-port", "70000"},
        {"--simulator-pid", "4242"}}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = FleetScaleCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
      assertThat(code).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("fleet-scale: ");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(FleetScaleCommand.run(new String[] {"--help"}, new PrintStream(out), System.err)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: java -jar pks-orchestrator.jar fleet-scale");
  }
}
