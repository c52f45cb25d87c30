package io.pksorchestrator.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Counts process instances started and ended per process definition key on this node, as Micrometer counters
 * {@code pkso.process.instances.started} and {@code pkso.process.instances.ended} (tag {@code process}). A parse
 * listener adds start and end listeners to every deployed process; a counter moves only when the transaction
 * commits, so rolled-back starts (retried jobs) are not counted. Cheap: no queries.
 */
@Component
public class ProcessInstanceCounters extends AbstractProcessEnginePlugin {

  static final String STARTED = "pkso.process.instances.started";
  static final String ENDED = "pkso.process.instances.ended";

  private final MeterRegistry registry;

  public ProcessInstanceCounters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new java.util.ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
        definition.addListener(ExecutionListener.EVENTNAME_START, listener(STARTED, definition.getKey()));
        definition.addListener(ExecutionListener.EVENTNAME_END, listener(ENDED, definition.getKey()));
      }
    });
  }

  private ExecutionListener listener(String name, String processKey) {
    Counter counter = Counter.builder(name).tag("process", processKey)
        .description("Process instances " + (name.equals(STARTED) ? "started" : "ended") + " on this node")
        .register(registry);
    return (DelegateExecution execution) -> {
      if (execution.getId().equals(execution.getProcessInstanceId())) {
        Context.getCommandContext().getTransactionContext()
            .addTransactionListener(TransactionState.COMMITTED, commandContext -> counter.increment());
      }
    };
  }
}
