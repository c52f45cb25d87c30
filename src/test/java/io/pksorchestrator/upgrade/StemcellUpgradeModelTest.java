package io.pksorchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/** Guardrails for the model: beans resolve, ids are meaningful, every flow node is drawn. */
class StemcellUpgradeModelTest {

  private static final Path MODEL = Path.of("bpmn/StemcellUpgradeProcess.bpmn");

  @Test
  void everyDelegateExpressionNamesAComponent() throws Exception {
    // shared beans of the operations package: four eyes, the cluster lease steps
    Set<String> beans = new HashSet<>(Set.of("fourEyesTaskListener", "acquireClusterLeaseDelegate", "jobRetries",
        "outcomeWriter"));
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    for (var candidate : scanner.findCandidateComponents("io.pksorchestrator.upgrade")) {
      Component c = Class.forName(candidate.getBeanClassName()).getAnnotation(Component.class);
      if (c != null && !c.value().isEmpty()) {
        beans.add(c.value());
      }
    }
    Matcher m = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(Files.readString(MODEL));
    int found = 0;
    while (m.find()) {
      assertThat(beans).as("bean of ${%s}", m.group(1)).contains(m.group(1));
      found++;
    }
    assertThat(found).isGreaterThan(10);
  }

  @Test
  void idsArePrefixedAndEveryFlowNodeHasAShape() {
    BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches("(Task|Event|Gateway|SubProcess)_[A-Z][A-Za-z]+");
      assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId());
    }
  }
}
