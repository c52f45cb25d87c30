package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;

import io.pksorchestrator.operations.OperationVariables;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts {@code PredictiveResizeProcess} instances and answers whether one is running for a cluster. */
@Component
public class ResizeStarter {

  private final RuntimeService runtime;

  public ResizeStarter(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Whether a resize of the cluster is running (active or suspended). */
  public boolean inFlight(String foundation, String cluster) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(businessKey(foundation, cluster)).count() > 0;
  }

  /** Starts a forecast-triggered resize; returns the process instance id. */
  public String start(ResizeProposal p) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(OperationVariables.FOUNDATION, p.foundation());
    vars.put(CLUSTER_NAME, p.cluster());
    vars.put(CURRENT_WORKERS, p.currentWorkers());
    vars.put(PROPOSED_WORKERS, p.proposedWorkers());
    vars.put(REASON, p.reason());
    vars.put(TRIGGER, Trigger.FORECAST);
    vars.put(OperationVariables.REQUESTED_BY, FORECAST_REQUESTER);
    vars.put(PROPOSED_AT, Date.from(p.proposedAt()));
    if (p.forecastUpperCores() != null) {
      vars.put(FORECAST_UPPER_CORES, p.forecastUpperCores());
    }
    return runtime.createProcessInstanceByKey(KEY).businessKey(businessKey(p.foundation(), p.cluster()))
        .setVariables(vars).execute().getId();
  }
}
