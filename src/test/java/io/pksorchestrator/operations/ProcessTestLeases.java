package io.pksorchestrator.operations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * TEST ONLY: the real {@link ClusterLeases} on the process-test engine's own in-memory H2 database (so lease liveness
 * reads the engine's {@code ACT_RU_EXECUTION}), with the application's migrations, and the engine plugin that releases
 * leases when an instance ends. Referenced from the process-test engine configuration; one per JVM, like that engine.
 */
public final class ProcessTestLeases {

  /** The process-test engine's database (see the process-test engine configuration). */
  static final String URL = "jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=1000";

  private static ClusterLeases leases;
  private static JdbcTemplate jdbc;

  private ProcessTestLeases() {}

  /** The lease service every process test registers its lease delegates with. */
  public static synchronized ClusterLeases leases() {
    if (leases == null) {
      DataSource ds = new DriverManagerDataSource(URL, "sa", "");
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("pkso_schema_history")
          .baselineOnMigrate(true).baselineVersion("0").load().migrate();
      jdbc = new JdbcTemplate(ds);
      leases = new ClusterLeases(jdbc, new DataSourceTransactionManager(ds));
    }
    return leases;
  }

  /** Direct access to the lease table, for assertions. */
  public static synchronized JdbcTemplate jdbc() {
    leases();
    return jdbc;
  }

  /** Forgets every lease (between tests). */
  public static void clear() {
    jdbc().update("DELETE FROM pkso_cluster_lease");
  }

  /** Factory of the engine plugin (used by the process-test engine configuration). */
  public static ClusterLeaseEnginePlugin plugin() {
    return new ClusterLeaseEnginePlugin(leases());
  }
}
