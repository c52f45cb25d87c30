package io.pksorchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.cluster.ClusterCreationProcess;
import io.pksorchestrator.resize.PredictiveResizeProcess;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The protected names of {@link FourEyesFacts} are the processes' own variable and element names. */
class FourEyesFactsTest {

  @Test
  void everyProtectedNameIsAVariableOfItsProcess() {
    Map<String, Set<String>> known = Map.of(
        ClusterCreationProcess.KEY, names(ClusterCreationProcess.Variables.class, OperationVariables.class),
        PredictiveResizeProcess.KEY, names(PredictiveResizeProcess.Variables.class, OperationVariables.class),
        StemcellUpgradeProcess.KEY, names(StemcellUpgradeProcess.Variables.class, OperationVariables.class));
    assertThat(FourEyesFacts.FACTS.keySet()).containsExactlyInAnyOrderElementsOf(known.keySet());
    FourEyesFacts.FACTS.forEach((process, facts) ->
        assertThat(known.get(process)).as(process).containsAll(facts));
    FourEyesFacts.TASK_OWNED.forEach((process, owned) -> {
      assertThat(known.get(process)).as(process).containsAll(owned.keySet());
      assertThat(names(StemcellUpgradeProcess.Elements.class)).containsAll(owned.values());
    });
    Set<String> all = new HashSet<>();
    known.values().forEach(all::addAll);
    assertThat(all).containsAll(FourEyesFacts.DECISIONS).containsAll(FourEyesFacts.COMMON);
  }

  @Test
  void decisionsAreWrittenOnlyByCompletingAnApprovalGate() {
    assertThat(FourEyesFacts.kind("Any", OperationVariables.REQUESTED_BY)).isEqualTo(FourEyesFacts.Kind.FACT);
    assertThat(FourEyesFacts.kind("ClusterCreationProcess", "clusterName")).isEqualTo(FourEyesFacts.Kind.FACT);
    assertThat(FourEyesFacts.kind("ClusterCreationProcess", "resolution")).isEqualTo(FourEyesFacts.Kind.NONE);
    assertThat(FourEyesFacts.writtenByCompleting("X", "Task_ApproveClusterCreation", "decision")).isTrue();
    assertThat(FourEyesFacts.writtenByCompleting("X", "Task_ResolveClusterCreationFailure", "decision")).isFalse();
    assertThat(FourEyesFacts.writtenByCompleting("X", "Task_ApproveClusterCreation", "requestedBy")).isFalse();
    assertThat(FourEyesFacts.writtenByCompleting("StemcellUpgradeProcess", "Task_ResolveMaintenanceWindowClosed",
        "nextWindowEnd")).isTrue();
    assertThat(FourEyesFacts.writtenByCompleting("StemcellUpgradeProcess", "Task_ApproveStemcellUpgrade",
        "nextWindowEnd")).isFalse();
  }

  private static Set<String> names(Class<?>... constantClasses) {
    Set<String> names = new HashSet<>();
    for (Class<?> c : constantClasses) {
      for (Field f : c.getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          try {
            names.add((String) f.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return names;
  }
}
