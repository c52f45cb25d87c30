package io.pksorchestrator.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Flushes the engine's metrics to the database every {@code pkso.engine.metrics-report-interval}. */
@Component
public class MetricsReportingPlugin extends AbstractProcessEnginePlugin {

  private final EngineProperties properties;

  public MetricsReportingPlugin(EngineProperties properties) {
    this.properties = properties;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getDbMetricsReporter() != null) {
      configuration.getDbMetricsReporter()
          .setReportingIntervalInSeconds(Math.max(1, properties.metricsReportInterval().toSeconds()));
    }
  }
}
