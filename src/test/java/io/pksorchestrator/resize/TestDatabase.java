package io.pksorchestrator.resize;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database with the application's Flyway migrations. */
final class TestDatabase {

  private TestDatabase() {}

  static JdbcTemplate create() {
    DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:resize-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "sa", "");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("pkso_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    return new JdbcTemplate(ds);
  }
}
