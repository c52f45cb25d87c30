package io.pksorchestrator.operations;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Releases an operation's cluster leases whenever its process instance ends, however it ends: normally, by
 * cancellation, or deleted by an operator (also with "skip custom listeners", since this is a built-in listener
 * added to every process definition at parse time, not a listener of the model). A lease whose instance vanished
 * otherwise is reclaimed by {@link ClusterLeases}.
 */
@Component
public class ClusterLeaseEnginePlugin extends AbstractProcessEnginePlugin {

  private final ClusterLeases leases;

  public ClusterLeaseEnginePlugin(ClusterLeases leases) {
    this.leases = leases;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, releaseOnEnd());
      }
    });
  }

  private ExecutionListener releaseOnEnd() {
    return execution -> {
      if (execution.getId().equals(execution.getProcessInstanceId())) {
        leases.releaseAll(execution.getProcessInstanceId());
      }
    };
  }
}
