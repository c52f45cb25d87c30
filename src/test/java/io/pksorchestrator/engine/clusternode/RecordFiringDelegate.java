package io.pksorchestrator.engine.clusternode;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** TEST ONLY: the step of {@code ClusteredTimerProcess}; records which node fired which due date. */
@Component("clusteredRecordFiringDelegate")
@ConditionalOnProperty(ClusterNodeModels.NODE_PROPERTY)
public class RecordFiringDelegate implements JavaDelegate {

  private final ClusterNodeLog log;

  public RecordFiringDelegate(ClusterNodeLog log) {
    this.log = log;
  }

  @Override
  public void execute(DelegateExecution execution) {
    log.firing(execution.getProcessInstanceId());
  }
}
