package io.pksorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.engine.ClusterTestLogReader.Firing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The firing check of {@link ClusteredEngineIT} catches what it claims to catch. */
class TimerFiringCheckTest {

  private static Firing fired(String node, long due, long at) {
    return new Firing(node, "owner-" + node, "pi-" + due + node, due, at);
  }

  @Test
  void anUnbrokenSequenceOnTwoNodesPasses() {
    TimerFiringCheck.Result result = TimerFiringCheck.check(List.of(
        fired("A", 2000, 2300), fired("B", 4000, 4900), fired("A", 6000, 6100)), 2000);
    assertThat(result.ok()).isTrue();
    assertThat(result.maxLatenessMillis()).isEqualTo(900);
  }

  @Test
  void theSameDueDateFiredTwiceIsADuplicate() {
    TimerFiringCheck.Result result = TimerFiringCheck.check(List.of(
        fired("A", 2000, 2300), fired("B", 2000, 2400), fired("A", 4000, 4100)), 2000);
    assertThat(result.duplicates()).hasSize(1);
    assertThat(result.ok()).isFalse();
  }

  @Test
  void aMissingDueDateIsLostUnlessThePreviousFiringRanAfterIt() {
    TimerFiringCheck.Result lost = TimerFiringCheck.check(List.of(fired("A", 2000, 2300), fired("B", 6000, 6100)),
        2000);
    assertThat(lost.lost()).hasSize(1);

    // the firing due at 2000 ran at 4500 (e.g. its node died and the lock had to expire): 4000 was already past
    TimerFiringCheck.Result late = TimerFiringCheck.check(List.of(fired("A", 2000, 4500), fired("B", 6000, 6100)),
        2000);
    assertThat(late.ok()).isTrue();
    assertThat(late.lateSkips()).isEqualTo(1);
  }

  @Test
  void onlyTheFirstDueDateMayLieOffTheCycle() {
    // deployed at 500: first due 2500 (to the millisecond), then the cycle's whole points 4000, 6000
    assertThat(TimerFiringCheck.check(List.of(fired("A", 2500, 2600), fired("B", 4000, 4100),
        fired("A", 6000, 6100)), 2000).ok()).isTrue();
    assertThat(TimerFiringCheck.check(List.of(fired("A", 2000, 2100), fired("B", 4000, 4100),
        fired("B", 5000, 5100)), 2000).lost()).hasSize(1);
  }
}
