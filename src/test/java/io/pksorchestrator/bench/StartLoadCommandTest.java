package io.pksorchestrator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code start-load} command refuses bad options (exit 2) before it starts anything; the load is bounded. */
class StartLoadCommandTest {

  @Test
  void badOrUnboundedOptionsAreRefusedAndHelpExits0() {
    for (String[] args : new String[][] {{"--clients", "0"}, {"--clients", "65"}, {"--requests", "100001"},
        {"--cluster-requests", "-1"}, {"--requests", "lots"}, {"--warm-up"}, {"--url", "http://example.com"}}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = StartLoadCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
      assertThat(code).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("start-load: ");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(StartLoadCommand.run(new String[] {"-h"}, new PrintStream(out), System.err)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--cluster-requests");
  }

  @Test
  void aRunKeepsOnlyItsLogOfItsOwnTemporaryDirectory(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("pkso.mv.db"), new byte[4096]);
    Files.writeString(dir.resolve("pkso.trace.db"), "trace");
    Files.writeString(dir.resolve("application.log"), "log");
    assertThat(StartLoadCommand.removeDatabase(dir)).isEqualTo(4096 + 5);
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("application.log");
    }
  }
}
