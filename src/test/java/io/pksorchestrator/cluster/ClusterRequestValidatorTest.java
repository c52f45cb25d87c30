package io.pksorchestrator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.platform.pks.PksPlan;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClusterRequestValidatorTest {

  static final PksPlan SMALL = new PksPlan("p1", "small", "Small", 3, 1, 10);
  static final PksPlan UNBOUNDED = new PksPlan("p2", "large", "Large", 5, 3, null);
  static final ClusterRequestValidator.Facts OK =
      new ClusterRequestValidator.Facts(true, true, SMALL, false, List.of(), List.of(), List.of());

  static ClusterRequest request(String name, Integer workers) {
    return new ClusterRequest("lab", name, "small", workers, "a.k8s.example.com", "rita", null);
  }

  @ParameterizedTest(name = "{0} -> valid={1}")
  @CsvSource({
      "a, true", "team-a, true", "0team9, true", "abcdefghij-abcdefghij-abcdefghij-abcdefg, true",
      "abcdefghij-abcdefghij-abcdefghij-abcdefgh, false", "Team-a, false", "-team, false", "team-, false",
      "team_a, false", "team.a, false"})
  void clusterNameMustBeADns1123LabelOfAtMost40Characters(String name, boolean valid) {
    assertThat(ClusterRequestValidator.check(request(name, null), OK).isEmpty()).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} workers -> valid={1}")
  @CsvSource({"1, true", "10, true", "0, false", "11, false", "-2, false"})
  void workerCountMustBeWithinThePlanLimits(int workers, boolean valid) {
    assertThat(ClusterRequestValidator.check(request("a", workers), OK).isEmpty()).isEqualTo(valid);
  }

  @Test
  void aPlanWithoutMaximumOnlyBoundsBelow() {
    var facts = new ClusterRequestValidator.Facts(true, true, UNBOUNDED, false, List.of(), List.of(), List.of());
    assertThat(ClusterRequestValidator.check(request("a", 500), facts)).isEmpty();
    assertThat(ClusterRequestValidator.check(request("a", 0), facts)).singleElement().asString()
        .contains("(1..unbounded)");
  }

  @Test
  void everyMissingFieldIsReportedAtOnce() {
    List<String> reasons = ClusterRequestValidator.checkRequest(
        new ClusterRequest(null, null, null, Integer.MIN_VALUE, "not a host!", null, null));
    assertThat(reasons).hasSize(6);
    assertThat(String.join("\n", reasons)).contains("No foundation").contains("No cluster name")
        .contains("No plan").contains("not a valid DNS host name").contains("No requester")
        .contains("not a whole number");
  }

  @Test
  void workerCountAcceptsWholeNumbersOfAnyTypeAndFlagsTheRest() {
    assertThat(ClusterRequest.workerCount(3L)).isEqualTo(3);
    assertThat(ClusterRequest.workerCount(3.0d)).isEqualTo(3);
    assertThat(ClusterRequest.workerCount(" 4 ")).isEqualTo(4);
    assertThat(ClusterRequest.workerCount("")).isNull();
    assertThat(ClusterRequest.workerCount(null)).isNull();
    assertThat(ClusterRequest.workerCount(2.5d)).isEqualTo(Integer.MIN_VALUE);
    assertThat(ClusterRequest.workerCount("many")).isEqualTo(Integer.MIN_VALUE);
  }
}
