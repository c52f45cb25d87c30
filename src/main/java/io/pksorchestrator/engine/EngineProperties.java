package io.pksorchestrator.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Engine settings of the orchestrator beyond {@code camunda.bpm.*} ({@code pkso.engine.*}).
 *
 * @param metricsReportInterval how often the engine flushes its job executor metrics to the database (Camunda's
 *     default is 15 minutes; the Prometheus figures read from there)
 */
@ConfigurationProperties("pkso.engine")
public record EngineProperties(Duration metricsReportInterval) {

  public EngineProperties {
    metricsReportInterval = metricsReportInterval == null ? Duration.ofMinutes(1) : metricsReportInterval;
  }
}
