package io.pksorchestrator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.pksorchestrator.operations.AcquireClusterLeaseDelegate;
import io.pksorchestrator.operations.ClusterLeaseModel;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/** Guardrails of the model and its forms: ids, diagram, bean names, form ids and form-js components. */
class ClusterCreationModelTest {

  static final File MODEL = new File("bpmn/ClusterCreationProcess.bpmn");
  static final Set<String> FORM_JS_1_8_TYPES = Set.of("textfield", "textarea", "number", "datetime", "expression",
      "checkbox", "checklist", "radio", "select", "taglist", "button", "text", "html", "image", "table",
      "dynamiclist", "group", "iframe", "separator", "spacer");

  final BpmnModelInstance model = Bpmn.readModelFromFile(MODEL);

  @Test
  void processCarriesKeyTimeToLiveAndVersionTag() {
    Process process = model.getModelElementById(ClusterCreationProcess.KEY);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P90D");
    assertThat(process.getCamundaVersionTag()).isNotBlank();
  }

  @Test
  void everyElementHasATypedIdAndEveryFlowElementIsDrawn() {
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
      assertThat(e.getId()).matches("(StartEvent|Event|Task|Gateway|Flow)_[A-Z][A-Za-z]+");
      assertThat(drawn).as("diagram element of %s", e.getId()).contains(e.getId());
      if (!(e instanceof SequenceFlow) && !e.getId().startsWith("Gateway_Merge")
          && !e.getId().equals(ClusterLeaseModel.GATEWAY_RETRY_JOIN)) {
        assertThat(e.getName()).as("name of %s", e.getId()).isNotBlank();
      }
    }
    for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
      assertThat(e.getId() == null ? "" : e.getId()).doesNotMatch(".*_[0-9a-z]{7}$");
    }
  }

  @Test
  void everyElementIdConstantExistsInTheModelAndEveryNodeHasAConstant() throws Exception {
    Set<String> constants = new HashSet<>();
    for (var field : ClusterCreationProcess.Elements.class.getFields()) {
      constants.add((String) field.get(null));
    }
    Set<String> shared = new HashSet<>(); // the lease steps every operations process shares
    for (var field : ClusterLeaseModel.class.getFields()) {
      String value = (String) field.get(null);
      if (value.matches("(Task|Gateway|Event)_.*")) {
        shared.add(value);
      }
    }
    for (String id : constants) {
      assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
    }
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    assertThat(nodes).extracting(FlowNode::getId).allMatch(id -> constants.contains(id) || shared.contains(id));
    assertThat(nodes).extracting(FlowNode::getId).containsAll(shared);
  }

  @Test
  void everyExpressionBeanIsAComponentOfThisFeatureOrAKnownSharedBean() throws Exception {
    Set<String> beans = new HashSet<>(Set.of("fourEyesTaskListener", "jobRetries"));
    for (Class<?> c : List.of(AcquireClusterLeaseDelegate.class, ValidateClusterRequestDelegate.class, CreateClusterDelegate.class,
        CheckClusterCreationDelegate.class, VerifyClusterDelegate.class, DeleteFailedClusterDelegate.class,
        CheckClusterDeletionDelegate.class, EscalateApprovalDelegate.class, ClusterCreationOutcomeListener.class,
        ClusterCreationBusinessKeyListener.class, ClusterCreationSettings.class)) {
      beans.add(c.getAnnotation(Component.class).value());
    }
    String xml = java.nio.file.Files.readString(MODEL.toPath());
    Matcher m = Pattern.compile("\\$\\{([a-zA-Z]+)[.}(]").matcher(xml);
    Set<String> used = new HashSet<>();
    while (m.find()) {
      used.add(m.group(1));
    }
    used.removeAll(Set.of("execution", "requestValid", "creationStatus", "clusterVerified", "resolution",
        "deletionStatus", "pollInterval", "clusterName", "leaseState", "leaseResolution", "leasePollWait"));
    assertThat(beans).containsAll(used);
  }

  @Test
  void formsAreCamundaForms18WithTheKeysTheModelReferences() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String xml = java.nio.file.Files.readString(MODEL.toPath());
    for (String id : List.of(ClusterCreationProcess.Forms.START, ClusterCreationProcess.Forms.APPROVAL,
        ClusterCreationProcess.Forms.FAILURE)) {
      JsonNode form = json.readTree(new File("forms/" + id + ".form"));
      assertThat(form.get("id").asText()).isEqualTo(id);
      assertThat(form.get("schemaVersion").asInt()).isLessThanOrEqualTo(16);
      assertThat(xml).contains("camunda:formRef=\"" + id + "\" camunda:formRefBinding=\"deployment\"");
      List<String> keys = new ArrayList<>();
      for (JsonNode c : form.get("components")) {
        assertThat(FORM_JS_1_8_TYPES).contains(c.get("type").asText());
        if (c.has("key")) {
          keys.add(c.get("key").asText());
        }
      }
      assertThat(keys).doesNotHaveDuplicates();
    }
    JsonNode approval = json.readTree(new File("forms/" + ClusterCreationProcess.Forms.APPROVAL + ".form"));
    assertThat(approval.findValuesAsText("key")).contains("decision", "decisionComment");
    JsonNode failure = json.readTree(new File("forms/" + ClusterCreationProcess.Forms.FAILURE + ".form"));
    assertThat(failure.findValues("value")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(ClusterCreationProcess.Resolution.RETRY, ClusterCreationProcess.Resolution.DELETE,
            ClusterCreationProcess.Resolution.KEEP);
  }
}
