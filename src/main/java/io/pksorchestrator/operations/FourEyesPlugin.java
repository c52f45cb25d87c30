package io.pksorchestrator.operations;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Installs the four-eyes rule's engine parts: {@link FourEyesParseListener} (requester recorded at every start,
 * assignment of approvals checked) and {@link FourEyesVariableGuard} (the facts of {@link FourEyesFacts} unchanged).
 * The guard learns of variable changes through history events, so the engine must record them: under a history level
 * below {@code audit} the application does not start (fail closed rather than without the rule).
 */
@Component
public class FourEyesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parse = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parse.add(new FourEyesParseListener());
    configuration.setCustomPostBPMNParseListeners(parse);
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new FourEyesVariableGuard());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
    if (level == null || !level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, null)) {
      throw new IllegalStateException("PKSO-SEC024 The four-eyes rule needs history level audit or full (it sees"
          + " variable changes through history events); configured: " + (level == null ? "none" : level.getName())
          + ". Set camunda.bpm.history-level to full.");
    }
  }
}
