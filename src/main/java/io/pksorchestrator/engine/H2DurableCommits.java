package io.pksorchestrator.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Makes every commit to an H2 file database durable before it returns. H2 writes committed transactions in the
 * background, at most {@code WRITE_DELAY} (500 ms) later: a process killed in that window (SIGKILL, OOM killer, a
 * crashed node) loses transactions the engine had committed, e.g. a process instance whose start a ticketing system
 * was already told about. {@code SET WRITE_DELAY 0} writes at every commit; the setting belongs to the open database
 * and is not stored in it, so it runs on every new pool connection (the first connection after H2 reopens the
 * database sets it again), whatever URL an operator configures. In-memory, server and non-H2 databases are left
 * alone; an explicit {@code spring.datasource.hikari.connection-init-sql} is kept and a warning names the risk.
 */
@Component
public class H2DurableCommits implements BeanPostProcessor {

  static final String DURABLE = "SET WRITE_DELAY 0";
  private static final Logger LOG = LoggerFactory.getLogger(H2DurableCommits.class);

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && H2FilePermissions.databaseFile(pool.getJdbcUrl()).isPresent()) {
      apply(pool);
    }
    return bean;
  }

  /** Sets {@link #DURABLE} as the pool's connection init SQL unless one is configured. */
  static void apply(HikariDataSource pool) {
    String configured = pool.getConnectionInitSql();
    if (configured == null || configured.isBlank()) {
      pool.setConnectionInitSql(DURABLE);
    } else if (!configured.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
      LOG.warn("PKSO-ENGINE021 spring.datasource.hikari.connection-init-sql is set ({}), so commits to the H2 file"
          + " database may be written up to 500 ms late and lost if the process is killed; add '{}' to it",
          configured, DURABLE);
    }
  }
}
