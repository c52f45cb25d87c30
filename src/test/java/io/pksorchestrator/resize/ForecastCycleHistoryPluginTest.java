package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.ForecastScalingProcess.Elements.*;
import static io.pksorchestrator.resize.ForecastScalingProcess.KEY;
import static io.pksorchestrator.resize.ForecastScalingProcess.Variables.*;
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
    HistoryEvent batchTask = activity(KEY, TASK_FORECAST_BATCH);
    HistoryEvent finish = activity(KEY, TASK_FINISH_CYCLE);
    HistoryEvent body = activity(KEY, SUBPROCESS_BATCH + "#multiInstanceBody");
    HistoryEvent otherTask = activity(OTHER, TASK_FORECAST_BATCH);
    HistoryEvent loopCounter = variable(KEY, LOOP_COUNTER);
    HistoryEvent counts = variable(KEY, CLUSTERS_MANAGED);
    HistoryEvent otherLoopCounter = variable(OTHER, LOOP_COUNTER);
    HistoryEvent created = jobLog(KEY, JobState.CREATED);
    HistoryEvent succeeded = jobLog(KEY, JobState.SUCCESSFUL);
    HistoryEvent failed = jobLog(KEY, JobState.FAILED);
    HistoryEvent deleted = jobLog(KEY, JobState.DELETED);
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
