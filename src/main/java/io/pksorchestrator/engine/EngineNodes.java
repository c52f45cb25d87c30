package io.pksorchestrator.engine;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which engine nodes are alive: every node writes a heartbeat under its job executor's lock owner id
 * ({@code pkso_engine_node}) every {@code pkso.engine.node-heartbeat-interval}. A lock owner whose last heartbeat is
 * older than three intervals is <em>not answering</em>: its jobs stay locked until their lock expires.
 */
@Component
public class EngineNodes {

  private static final Logger LOG = LoggerFactory.getLogger(EngineNodes.class);

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;
  private final Duration interval;
  private final Clock clock = Clock.systemUTC();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pkso-engine-node-heartbeat");
    t.setDaemon(true);
    return t;
  });

  public EngineNodes(JdbcTemplate jdbc, ProcessEngine engine,
      EngineProperties properties) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.interval = properties.nodeHeartbeatInterval();
  }

  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    beat();
    timer.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** This node's lock owner id (what Camunda writes into a job it locks), or null without a job executor. */
  public String lockOwner() {
    var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    return executor == null ? null : executor.getLockOwner();
  }

  /** The last heartbeat of a lock owner, if it ever wrote one. */
  public Optional<Instant> lastHeartbeat(String lockOwner) {
    return jdbc.query("SELECT heartbeat_at FROM pkso_engine_node WHERE lock_owner = ?",
        (rs, i) -> rs.getTimestamp(1).toInstant(), lockOwner).stream().findFirst();
  }

  /** Whether a lock owner heartbeated within three intervals (unknown owners count as alive: no evidence). */
  public boolean isAnswering(String lockOwner) {
    return lastHeartbeat(lockOwner).map(t -> t.isAfter(clock.instant().minus(interval.multipliedBy(3))))
        .orElse(true);
  }

  private void beat() {
    String owner = lockOwner();
    if (owner == null) {
      return;
    }
    try {
      Timestamp now = Timestamp.from(clock.instant());
      if (jdbc.update("UPDATE pkso_engine_node SET heartbeat_at = ? WHERE lock_owner = ?", now, owner) == 0) {
        jdbc.update("INSERT INTO pkso_engine_node (lock_owner, node, heartbeat_at) VALUES (?, ?, ?)", owner,
            nodeName(), now);
      }
    } catch (RuntimeException e) {
      LOG.warn("PKSO-ENGINE040 Engine node heartbeat failed: {}", e.getMessage());
    }
  }

  private static String nodeName() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    } catch (Exception e) {
      return "unknown/" + ManagementFactory.getRuntimeMXBean().getPid();
    }
  }
}
