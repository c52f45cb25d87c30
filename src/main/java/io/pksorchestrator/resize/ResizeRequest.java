package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeModel.*;

import io.pksorchestrator.operations.OperationVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The start variables of a resize, read once per delegate call. */
record ResizeRequest(String foundation, String cluster, int currentWorkers, int proposedWorkers, String trigger,
    Date proposedAt) {

  static ResizeRequest of(VariableScope vars) {
    return new ResizeRequest((String) vars.getVariable(OperationVariables.FOUNDATION),
        (String) vars.getVariable(CLUSTER_NAME), number(vars, CURRENT_WORKERS), number(vars, PROPOSED_WORKERS),
        (String) vars.getVariable(TRIGGER), (Date) vars.getVariable(PROPOSED_AT));
  }

  String key() {
    return businessKey(foundation, cluster);
  }

  private static int number(VariableScope vars, String name) {
    Object v = vars.getVariable(name);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("Process variable '" + name + "' must be a number, got " + v
          + "; start PredictiveResizeProcess with Integer currentWorkers and proposedWorkers.");
    }
    return n.intValue();
  }
}
