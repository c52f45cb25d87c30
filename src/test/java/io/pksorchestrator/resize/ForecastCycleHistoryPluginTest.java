package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.ForecastScalingModel.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;

/**
 * The forecasting cycle's history filter drops only the cycle's per-batch rows; the same kinds of rows of every other
 * process (the operations processes keep level FULL) pass unchanged. The cycle as a whole is in
 * {@link ForecastScalingProcessTest}.
 */
class ForecastCycleHistoryPluginTest {

  private static final String OTHER = "PredictiveResizeProcess";

  @Test
  void dropsOnlyTheForecastingCyclesPerBatchRows() {
    List<HistoryEvent> written = new ArrayList<>();
    HistoryEventHandler filter = new ForecastCycleHistoryPlugin.Filter(new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        written.add(event);
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        written.addAll(events);
      }
    });
    HistoryEvent batchTask = activity(PROCESS_KEY, TASK_FORECAST_BATCH);
    HistoryEvent finish = activity(PROCESS_KEY, TASK_FINISH_CYCLE);
    HistoryEvent body = activity(PROCESS_KEY, SUBPROCESS_BATCH + "#multiInstanceBody");
    HistoryEvent otherTask = activity(OTHER, TASK_FORECAST_BATCH);
    HistoryEvent loopCounter = variable(PROCESS_KEY, LOOP_COUNTER);
    HistoryEvent counts = variable(PROCESS_KEY, CLUSTERS_MANAGED);
    HistoryEvent otherLoopCounter = variable(OTHER, LOOP_COUNTER);
    HistoryEvent created = jobLog(PROCESS_KEY, JobState.CREATED);
    HistoryEvent succeeded = jobLog(PROCESS_KEY, JobState.SUCCESSFUL);
    HistoryEvent failed = jobLog(PROCESS_KEY, JobState.FAILED);
    HistoryEvent deleted = jobLog(PROCESS_KEY, JobState.DELETED);
    HistoryEvent otherCreated = jobLog(OTHER, JobState.CREATED);
    HistoryEvent otherSucceeded = jobLog(OTHER, JobState.SUCCESSFUL);

    filter.handleEvents(List.of(batchTask, finish, body, otherTask, loopCounter, counts, otherLoopCounter));
    filter.handleEvent(created);
    filter.handleEvent(succeeded);
    filter.handleEvent(failed);
    filter.handleEvent(deleted);
    filter.handleEvent(otherCreated);
    filter.handleEvent(otherSucceeded);
    filter.handleEvents(List.of(batchTask, loopCounter)); // nothing left: the handler is not called with nothing

    assertThat(written).containsExactly(finish, body, otherTask, counts, otherLoopCounter, failed, deleted,
        otherCreated, otherSucceeded);
  }

  private static HistoryEvent activity(String key, String activityId) {
    HistoricActivityInstanceEventEntity e = new HistoricActivityInstanceEventEntity();
    e.setProcessDefinitionKey(key);
    e.setActivityId(activityId);
    return e;
  }

  private static HistoryEvent variable(String key, String name) {
    HistoricVariableUpdateEventEntity e = new HistoricVariableUpdateEventEntity();
    e.setProcessDefinitionKey(key);
    e.setVariableName(name);
    return e;
  }

  private static HistoryEvent jobLog(String key, JobState state) {
    HistoricJobLogEvent e = new HistoricJobLogEvent();
    e.setProcessDefinitionKey(key);
    e.setState(state.getStateCode());
    return e;
  }
}
