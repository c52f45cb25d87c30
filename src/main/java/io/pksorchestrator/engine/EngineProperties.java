package io.pksorchestrator.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings of the orchestrator beyond {@code camunda.bpm.*} ({@code pkso.engine.*}).
 *
 * @param metricsReportInterval how often the engine flushes its job executor metrics to the database (Camunda's
 *     default is 15 minutes; the Prometheus figures read from there)
 * @param jobLockMargin foundation calls of a job must end this long before its lock expires (database work, commit,
 *     clock skew; {@link JobCallDeadlinePlugin})
 * @param nodeHeartbeatInterval how often each engine node records that it is alive ({@link EngineNodes}); silent for
 *     three intervals = not answering
 */
@ConfigurationProperties("pkso.engine")
public record EngineProperties(
    @DefaultValue("1m") Duration metricsReportInterval,
    @DefaultValue("15s") Duration jobLockMargin,
    @DefaultValue("10s") Duration nodeHeartbeatInterval) {
}
