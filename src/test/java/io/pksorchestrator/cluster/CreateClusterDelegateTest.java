package io.pksorchestrator.cluster;

import io.pksorchestrator.fixtures.PksClusterBuilder;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which existing cluster counts as the one this request created (and may be continued). */
class CreateClusterDelegateTest {

  static final ClusterRequest REQUEST =
      new ClusterRequest("lab", "team-a", "small", 4, "team-a.example.com", "rita", "T-1");

  static PksCluster cluster(String plan, String host, Integer workers, Map<String, String> tags) {
    return PksClusterBuilder.cluster("team-a").plan(plan).uuid("u-1").state(ActionState.IN_PROGRESS,
        "Creating cluster").masterIps(List.of("In Progress")).versions(null, null).host(host).workers(workers)
        .tags(tags).build();
  }

  @Test
  void ourRequestTagDecides() {
    assertThat(CreateClusterDelegate.isOurs(cluster("small", "team-a.example.com", 4,
        Map.of(CreateClusterDelegate.REQUEST_TAG, "pi-1")), REQUEST, 4, "pi-1")).isTrue();
    // same parameters, but another request's tag: not ours
    assertThat(CreateClusterDelegate.isOurs(cluster("small", "team-a.example.com", 4,
        Map.of(CreateClusterDelegate.REQUEST_TAG, "pi-2")), REQUEST, 4, "pi-1")).isFalse();
  }

  @Test
  void withoutTagsEveryRequestedParameterMustMatch() {
    assertThat(CreateClusterDelegate.isOurs(cluster("small", "TEAM-A.example.com", 4, Map.of()), REQUEST, 4, "p"))
        .isTrue();
    assertThat(CreateClusterDelegate.isOurs(cluster("small", "team-a.example.com", null, null), REQUEST, 4, "p"))
        .isTrue();
    assertThat(CreateClusterDelegate.isOurs(cluster("medium", "team-a.example.com", 4, Map.of()), REQUEST, 4, "p"))
        .isFalse();
    assertThat(CreateClusterDelegate.isOurs(cluster("small", "other.example.com", 4, Map.of()), REQUEST, 4, "p"))
        .isFalse();
    assertThat(CreateClusterDelegate.isOurs(cluster("small", "team-a.example.com", 5, Map.of()), REQUEST, 4, "p"))
        .isFalse();
  }
}
