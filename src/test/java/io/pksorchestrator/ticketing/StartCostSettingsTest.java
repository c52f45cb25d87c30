package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16 item 2 in the running application: the database connections keep 128 parsed statements
 * ({@code engine.H2QueryCache}; with H2's default of 8 every statement of a process start was parsed again).
 */
class StartCostSettingsTest extends TicketingApiTestBase {

  @Autowired DataSource dataSource;

  @Test
  void theApplicationsH2ConnectionsKeep128ParsedStatements() throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        "select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("128");
    }
  }
}
