package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;

import io.pksorchestrator.operations.NotRetryableException;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.WholeNumbers;
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

  /** A whole number ({@link WholeNumbers}: never truncated); anything else is refused as not retryable. */
  private static int number(VariableScope vars, String name) {
    Object v = vars.getVariable(name);
    Integer whole = v instanceof Number ? WholeNumbers.parse(v) : null;
    if (whole == null || whole == WholeNumbers.NOT_WHOLE) {
      throw new NotRetryableException("Process variable '" + name + "' must be a whole number, got " + v
          + "; start PredictiveResizeProcess with Integer currentWorkers and proposedWorkers.");
    }
    return whole;
  }
}
