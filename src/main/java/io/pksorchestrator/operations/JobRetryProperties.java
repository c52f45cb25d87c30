package io.pksorchestrator.operations;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Job retry cycles of every process ({@code pkso.jobs.*}): the one home of the {@code failedJobRetryTimeCycle}
 * values; the models read them through {@link JobRetries} ({@code ${jobRetries.retryCycle}}). Camunda cycles: a
 * comma-separated list of ISO-8601 waits (one retry per entry) or {@code R<n>/<duration>}.
 *
 * @param retryCycle retry cycle of every step that calls a remote system (foundation, Ops Manager, BOSH, PKS,
 *     metrics) and the engine's default for every other job: five retries within about 51 minutes, so a
 *     foundation restart or a UAA outage of up to half an hour is survived without an incident
 * @param forecastCycleRetryCycle retry cycle of the forecasting cycle's jobs ({@code ForecastScalingProcess}): one
 *     quick retry only, since the next cycle (timer, every few minutes) starts anyway and a slow retry would hold
 *     it back ("at most one cycle at a time", docs/predictive-resize.md)
 */
@ConfigurationProperties("pkso.jobs")
public record JobRetryProperties(
    @DefaultValue("PT10S,PT1M,PT5M,PT15M,PT30M") String retryCycle,
    @DefaultValue("R2/PT1M") String forecastCycleRetryCycle) {

  /** The defaults (those of the annotations above: written once); for tests. */
  public static JobRetryProperties defaults() {
    return new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("pkso.jobs", JobRetryProperties.class);
  }
}
