package io.pksorchestrator.forecast.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayOptionsTest {

  @Test
  void defaultsFollowTheBenchmark() {
    ReplayOptions o = ReplayOptions.parse(new String[] {"--trace", "t.csv", "--out", "o"});
    assertThat(o).isEqualTo(new ReplayOptions(Path.of("t.csv"), Path.of("o"), 160, 8, 3, 10, 5, 7 * 1440));
  }

  @Test
  void everyOptionCanBeGiven() {
    ReplayOptions o = ReplayOptions.parse(new String[] {"--trace=t.csv", "--out", "o", "--peak-cores", "80",
        "--node-cores", "4", "--min-nodes", "1", "--lead-time", "PT15M", "--interval", "1m", "--warmup", "2h"});
    assertThat(o).isEqualTo(new ReplayOptions(Path.of("t.csv"), Path.of("o"), 80, 4, 1, 15, 1, 120));
    assertThat(ReplayOptions.parse(new String[] {"--trace", "t", "--help"})).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--trace t.csv --out o --colour red | unknown option --colour",
      "--trace t.csv | --trace FILE and --out DIR are required",
      "--trace t.csv --out o --lead-time ten | --lead-time: 'ten' is not a duration",
      "--trace t.csv --out o --lead-time 90s | whole number of minutes",
      "--trace t.csv --out o --interval 0m | --interval must be at least 1m",
      "--trace t.csv --out o --node-cores -8 | --node-cores: '-8' must be a positive number",
      "--trace t.csv --out o --min-nodes 2.5 | --min-nodes: '2.5' must be a whole number",
      "--trace t.csv --out o --warmup | --warmup needs a value",
      "t.csv | unexpected argument 't.csv'"})
  void badOptionsAreExplained(String args, String message) {
    assertThatThrownBy(() -> ReplayOptions.parse(args.trim().split(" +")))
        .isInstanceOfSatisfying(ReplayException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining(message);
  }
}
