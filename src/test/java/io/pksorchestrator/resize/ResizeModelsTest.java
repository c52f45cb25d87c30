package io.pksorchestrator.resize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.stereotype.Component;

/** Guardrails for the two resize models: beans exist, ids are meaningful, every node is drawn, tasks are async. */
class ResizeModelsTest {

  private static final List<Class<?>> BEANS = List.of(PlanForecastBatchesDelegate.class,
      ForecastBatchDelegate.class, FinishForecastCycleDelegate.class, ReadClusterDelegate.class,
      CheckProposalDelegate.class, ResizeClusterDelegate.class, CheckResizeDelegate.class,
      VerifyWorkersDelegate.class, ResizeOutcomeRecorder.class, ResizeProperties.class);
  /** Beans of the operations package the models share (four eyes, the cluster lease steps). */
  private static final Set<String> SHARED_BEANS = Set.of("fourEyesTaskListener", "acquireClusterLeaseDelegate",
      "jobRetries");
  private static final Pattern BEAN_REF = Pattern.compile("\\$\\{([A-Za-z]+)[.}]");

  @ParameterizedTest
  @ValueSource(strings = {"ForecastScalingProcess", "PredictiveResizeProcess"})
  void modelIsWellFormed(String processId) throws Exception {
    BpmnModelInstance model;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/" + processId + ".bpmn")) {
      model = Bpmn.readModelFromStream(in);
    }
    Bpmn.validateModel(model);
    Process process = model.getModelElementById(processId);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(process.getCamundaVersionTag()).isNotBlank();

    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
      if (e.getId() == null) {
        continue; // expressions inside conditions and timers carry no id
      }
      assertThat(e.getId()).as("generated id").doesNotMatch("(?i)^(Activity|Gateway|Event|Flow)_[0-9a-z]{7}$");
    }
    for (FlowNode n : nodes) {
      assertThat(drawn).as("diagram shape of %s", n.getId()).contains(n.getId());
      assertThat(n.getId()).matches("^(Task|Gateway|Event|SubProcess)_[A-Z][A-Za-z]+$");
    }
    for (ServiceTask t : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(t.isCamundaAsyncBefore()).as("%s asyncBefore", t.getId()).isTrue();
    }

    Set<String> beans = new HashSet<>(SHARED_BEANS);
    BEANS.forEach(c -> beans.add(c.getAnnotation(Component.class).value()));
    String xml = Bpmn.convertToString(model);
    Matcher m = BEAN_REF.matcher(xml);
    Set<String> processVariables = Set.of("proposalCurrent", "approvalRequired", "decision", "resizeState",
        "workersState", "approvalDue", "resizePollWait", "clusterName", "leaseState", "leaseResolution",
        "leasePollWait", "execution", "forecastBatches", "previousCycleRunning");
    while (m.find()) {
      String name = m.group(1);
      assertThat(beans.contains(name) || processVariables.contains(name)).as("expression root %s", name).isTrue();
    }
  }
}
