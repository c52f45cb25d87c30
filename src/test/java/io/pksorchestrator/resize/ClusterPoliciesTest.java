package io.pksorchestrator.resize;

import io.pksorchestrator.fixtures.InMemoryFoundation;
import io.pksorchestrator.fixtures.PksClusterBuilder;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksPlan;
import io.pksorchestrator.resize.ResizeProperties.ClusterOverride;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mode and policy resolution per cluster, and the scaled foundation clock. */
class ClusterPoliciesTest {

  private final ResizeProperties settings = new ResizeProperties();
  private final Map<String, PksPlan> plans = Map.of("small", new PksPlan("p1", "small", "", 2, 1, 8),
      "large", new PksPlan("p3", "large", "", 3, 3, null));

  @Test
  void defaultsApplyToClustersWithoutOverride() {
    settings.setPlanNodeCores(Map.of("small", 4.0, "large", 16.0));
    settings.setDefaultMode(ClusterMode.FORECAST_AND_SCALE);
    ManagedCluster mc = new ClusterPolicies(settings).manage("lab", cluster("analytics", "large", 5), plans);
    assertThat(mc.mode()).isEqualTo(ClusterMode.FORECAST_AND_SCALE);
    assertThat(mc.policy().nodeAllocatableCores()).isEqualTo(16.0);
    assertThat(mc.policy().targetUtilisation()).isEqualTo(0.8);
    assertThat(mc.policy().maxWorkers()).isEqualTo(50);
    assertThat(mc.policy().leadTime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(mc.currentWorkers()).isEqualTo(5);
    assertThat(mc.key()).isEqualTo("lab/analytics");
  }

  @Test
  void overrideAndPlanMaximumWin() {
    ClusterOverride o = new ClusterOverride();
    o.setFoundation("lab");
    o.setName("batch-dev");
    o.setMode(ClusterMode.FORECAST_ONLY);
    o.setMinWorkers(3);
    o.setMaxWorkers(20);
    o.setNodeCores(6.0);
    settings.setClusters(List.of(o));
    ManagedCluster mc = new ClusterPolicies(settings).manage("lab", cluster("batch-dev", "small", null), plans);
    assertThat(mc.mode()).isEqualTo(ClusterMode.FORECAST_ONLY);
    assertThat(mc.policy().minWorkers()).isEqualTo(3);
    assertThat(mc.policy().maxWorkers()).isEqualTo(8); // the plan allows at most 8
    assertThat(mc.policy().nodeAllocatableCores()).isEqualTo(6.0);
    assertThat(mc.currentWorkers()).isEqualTo(2); // PKS omitted the count: the plan default
    ManagedCluster other = new ClusterPolicies(settings).manage("other", cluster("batch-dev", "medium", 4), plans);
    assertThat(other.mode()).isEqualTo(ClusterMode.FORECAST_ONLY); // the production default, no override
    assertThat(other.policy().nodeAllocatableCores()).isEqualTo(8.0);
  }

  @Test
  void modeParsesTheConfigurationSpelling() {
    assertThat(ClusterMode.fromValue("forecast-and-scale")).isEqualTo(ClusterMode.FORECAST_AND_SCALE);
    assertThat(ClusterMode.fromValue("FORECAST_ONLY")).isEqualTo(ClusterMode.FORECAST_ONLY);
  }

  @Test
  void simulatedFoundationTimeRunsAtItsScale() {
    Instant t0 = Instant.parse("2026-11-20T12:00:00Z");
    MutableClock wall = new MutableClock(t0);
    ScaledFoundationClock lab = new ScaledFoundationClock(new InMemoryFoundation().foundation("lab", 60), wall);
    ScaledFoundationClock real = new ScaledFoundationClock(new InMemoryFoundation("prod"), wall);
    wall.now = t0.plusSeconds(10);
    assertThat(lab.now("lab")).isEqualTo(t0.plusSeconds(600));
    assertThat(real.now("prod")).isEqualTo(t0.plusSeconds(10));
  }

  private static PksCluster cluster(String name, String plan, Integer workers) {
    return PksClusterBuilder.cluster(name).plan(plan).workers(workers).build();
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
