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
 * @param h2QueryCacheSize parsed SQL statements H2 keeps per connection ({@code QUERY_CACHE_SIZE}, added to an H2
 *     URL that does not set it; H2's own default of 8 is fewer than one process start runs, so each statement was
 *     parsed again; 0 = H2's default; no effect on other databases; {@link H2QueryCache})
 */
@ConfigurationProperties("pkso.engine")
public record EngineProperties(
    @DefaultValue("1m") Duration metricsReportInterval,
    @DefaultValue("15s") Duration jobLockMargin,
    @DefaultValue("10s") Duration nodeHeartbeatInterval,
    @DefaultValue("128") int h2QueryCacheSize) {
}
