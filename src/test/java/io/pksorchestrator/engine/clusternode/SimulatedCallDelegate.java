package io.pksorchestrator.engine.clusternode;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * TEST ONLY: the asynchronous step of {@code ClusteredCallProcess}, standing in for a call to a foundation. It
 * records each attempt (node, instance, start, end). An ordinary call takes {@link ClusterNodeModels#CALL_MILLIS};
 * the first attempt of the victim instance hangs (a slow external call) so that the test can kill its node in the
 * middle of the job; any later attempt completes at once.
 */
@Component("clusteredSimulatedCallDelegate")
@ConditionalOnProperty(ClusterNodeModels.NODE_PROPERTY)
public class SimulatedCallDelegate implements JavaDelegate {

  private final ClusterNodeLog log;

  public SimulatedCallDelegate(ClusterNodeLog log) {
    this.log = log;
  }

  @Override
  public void execute(DelegateExecution execution) throws InterruptedException {
    String businessKey = execution.getProcessBusinessKey();
    long[] attempt = log.attemptStarted(execution.getProcessInstanceId(), businessKey);
    boolean firstVictimAttempt = ClusterNodeModels.VICTIM_KEY.equals(businessKey) && attempt[1] == 0;
    // the test harness's slow call: the node is killed while this thread waits
    Thread.sleep(firstVictimAttempt ? ClusterNodeModels.HANG_MILLIS
        : ClusterNodeModels.VICTIM_KEY.equals(businessKey) ? 0 : ClusterNodeModels.CALL_MILLIS);
    log.attemptEnded(attempt[0]);
  }
}
