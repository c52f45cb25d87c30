package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.ForecastScalingProcess.Elements.*;
import static io.pksorchestrator.resize.ForecastScalingProcess.KEY;
import static io.pksorchestrator.resize.ForecastScalingProcess.Variables.*;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * What the engine's history records of a forecasting cycle ({@code ForecastScalingProcess}), exactly: every other
 * process keeps the configured history level (FULL) untouched. At fleet size a cycle runs one batch per
 * {@code pkso.resize.cycle-batch-size} clusters (51 at 1,000 clusters) and 288 cycles a day, and with level FULL each
 * batch left 12 rows (4 activity instances, 4 job log rows, the multi-instance loop variables and their updates):
 * 645 rows a cycle, 77.5 MB a day, most of the database's growth (docs/forecast.md, "Fleet scale in the
 * application"). The batches' counts are kept in {@code pkso_forecast_batch} and summed into the cycle's variables,
 * so these rows told nothing the cycle's own record does not.
 *
 * <p>Recorded for a cycle: the process instance (start, end, duration), its top-level steps (timer start, planning,
 * gateway, the batches' multi-instance body as a whole, finish, end event), its variables ({@code forecastBatches},
 * {@code previousCycleRunning}, the summary counts) with their updates, every job failure and deletion (with the
 * exception) and every incident. Not recorded: the activity instances inside the batch sub-process (one set per
 * batch), the engine's multi-instance variables ({@code loopCounter}, {@code nrOf*Instances}) and the creation and
 * success rows of the cycle's job log. A running cycle's batches stay visible in Cockpit's runtime view, a failing
 * batch in the job log and as an incident.
 *
 * <p>Done in the engine's history event handler (wrapping the one the engine built, the database handler and any
 * custom ones): the events are produced as at level FULL and dropped before they are written, so the history level
 * in the database stays {@code full}.
 */
@Component
public class ForecastCycleHistoryPlugin extends AbstractProcessEnginePlugin {

  /** Activities inside the batch sub-process, and the sub-process's instances: one set per batch. */
  static final Set<String> PER_BATCH_ACTIVITIES = Set.of(SUBPROCESS_BATCH, BATCH_START, TASK_FORECAST_BATCH,
      BATCH_END);

  /** The engine's multi-instance variables of the batch sub-process. */
  static final Set<String> LOOP_VARIABLES = Set.of(LOOP_COUNTER, "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // after init: the engine has built its handler (database + custom handlers); it is looked up per event
    configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
  }

  /** Whether the history event is written; false only for the forecasting cycle's per-batch rows listed above. */
  static boolean recorded(HistoryEvent event) {
    if (!KEY.equals(event.getProcessDefinitionKey())) {
      return true;
    }
    if (event instanceof HistoricActivityInstanceEventEntity a) {
      return !PER_BATCH_ACTIVITIES.contains(a.getActivityId());
    }
    if (event instanceof HistoricVariableUpdateEventEntity v) {
      return !LOOP_VARIABLES.contains(v.getVariableName());
    }
    if (event instanceof HistoricJobLogEvent j) {
      return !(j.isCreationLog() || j.isSuccessLog());
    }
    return true;
  }

  /** Passes the recorded events on to the engine's handler. */
  static final class Filter implements HistoryEventHandler {

    private final HistoryEventHandler delegate;

    Filter(HistoryEventHandler delegate) {
      this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (recorded(event)) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      List<HistoryEvent> kept = events.stream().filter(ForecastCycleHistoryPlugin::recorded).toList();
      if (!kept.isEmpty()) {
        delegate.handleEvents(kept);
      }
    }
  }
}
