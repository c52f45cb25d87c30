package io.pksorchestrator.forecast.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

  @Test
  void coarserTracesAreLinearlyInterpolatedOntoMinutes() {
    Trace t = Trace.parse(List.of("timestamp,value", "2024-01-01 00:00:00,10", "2024-01-01 00:05:00,20",
        "2024-01-01 00:10:00,0"), "t");
    assertThat(t.start()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(t.minutes()).containsExactly(10, 12, 14, 16, 18, 20, 16, 12, 8, 4, 0);
    assertThat(t.samples()).containsExactly(10, 20, 0);
  }

  @Test
  void emptyValuesRepeatThePreviousOneAndLeadingEmptiesAreSkipped() {
    Trace t = Trace.parse(List.of("timestamp,value", "2024-01-01 00:00:00,", "2024-01-01 00:01:00,5",
        "2024-01-01 00:02:00,", "2024-01-01 00:03:00,", "2024-01-01 00:04:00,9"), "t");
    assertThat(t.start()).isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
    assertThat(t.minutes()).containsExactly(5, 5, 5, 9);
    // an empty value then a gap: the repeated value is interpolated towards the next one
    Trace gap = Trace.parse(List.of("timestamp,value", "2024-01-01 00:00:00,4", "2024-01-01 00:02:00,",
        "2024-01-01 00:04:00,8"), "t");
    assertThat(gap.minutes()).containsExactly(4, 4, 4, 6, 8);
  }

  @Test
  void oneMinuteTracesAreTakenAsTheyAre() {
    Trace t = Trace.parse(List.of("timestamp,value", "2024-01-01 00:00:00,1.5", "2024-01-01 00:01:00,2.5",
        "2024-01-01 00:02:00,3.5"), "t");
    assertThat(t.minutes()).containsExactly(1.5, 2.5, 3.5);
  }

  @Test
  void demandIsScaledByThe99thPercentileOfAllValues() {
    double[] values = new double[101];
    for (int i = 0; i <= 100; i++) {
      values[i] = i;
    }
    assertThat(Trace.percentile(values, 99)).isCloseTo(99, within(1e-12));
    assertThat(Trace.percentile(new double[] {1, 2, 3, 4}, 99)).isCloseTo(3.97, within(1e-12));
    Trace t = new Trace(Instant.EPOCH, new double[] {0, 50, 100}, values);
    assertThat(t.demandCores(160)).containsExactly(0, 50 * 160 / 99.0, 100 * 160 / 99.0);
  }

  @Test
  void badLinesAreReportedWithTheirLineNumber() {
    assertThatThrownBy(() -> Trace.parse(List.of("timestamp,value", "2024-01-01 00:00:00,1",
        "2024-01-01 00:01:00,abc"), "f.csv")).isInstanceOf(ReplayException.class)
        .hasMessage("f.csv:3: value 'abc' is not a number");
    assertThatThrownBy(() -> Trace.parse(List.of("timestamp,value", "01/01/2024,1"), "f.csv"))
        .hasMessageContaining("f.csv:2: timestamp '01/01/2024' is not YYYY-MM-DD HH:MM:SS");
    assertThatThrownBy(() -> Trace.parse(List.of("timestamp,value", "2024-01-01 00:01:00,1",
        "2024-01-01 00:00:00,2"), "f.csv")).hasMessageContaining("f.csv:3:").hasMessageContaining("increase");
    assertThatThrownBy(() -> Trace.parse(List.of("time;value"), "f.csv")).hasMessageContaining("header");
    assertThatThrownBy(() -> Trace.parse(List.of("timestamp,value", "2024-01-01 00:00:00,1,2"), "f.csv"))
        .hasMessageContaining("f.csv:2:");
  }
}
