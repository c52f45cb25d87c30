package io.pksorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * H2 keeps enough parsed statements per connection for the engine's statements ({@link H2QueryCache},
 * docs/platform.md "Start throughput"): a pool prepared as the application prepares it opens the database with the
 * configured {@code QUERY_CACHE_SIZE}; a URL that sets it and other databases are left alone.
 */
class H2QueryCacheTest {

  @Test
  void anH2PoolOpensTheDatabaseWithTheConfiguredQueryCache() throws Exception {
    assertThat(querySetting(new H2QueryCache(new MockEnvironment()), "jdbc:h2:mem:query-cache-default"))
        .as("default size").isEqualTo("128");
    assertThat(querySetting(new H2QueryCache(new MockEnvironment().withProperty(H2QueryCache.PROPERTY, "64")),
        "jdbc:h2:mem:query-cache-64")).isEqualTo("64");
    assertThat(querySetting(new H2QueryCache(new MockEnvironment().withProperty(H2QueryCache.PROPERTY, "0")),
        "jdbc:h2:mem:query-cache-off")).as("0: H2's own default").isEqualTo("8");
  }

  @Test
  void aUrlThatSetsItAndOtherDatabasesAreLeftAlone() {
    assertThat(H2QueryCache.withQueryCache("jdbc:h2:file:./data/x;DB_CLOSE_ON_EXIT=FALSE", 128))
        .isEqualTo("jdbc:h2:file:./data/x;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128");
    assertThat(H2QueryCache.withQueryCache("jdbc:h2:file:./x;query_cache_size=16", 128))
        .isEqualTo("jdbc:h2:file:./x;query_cache_size=16");
    assertThat(H2QueryCache.withQueryCache("jdbc:postgresql://db/pkso", 128)).isEqualTo("jdbc:postgresql://db/pkso");
    assertThatThrownBy(() -> new H2QueryCache(new MockEnvironment().withProperty(H2QueryCache.PROPERTY, "-1"))).hasMessageContaining(H2QueryCache.PROPERTY);
  }

  @Test
  void theDefaultIsTheDocumentedPropertysDefault() throws Exception {
    var parameter = EngineProperties.class.getDeclaredConstructors()[0].getParameters()[3];
    assertThat(parameter.getName()).isEqualTo("h2QueryCacheSize");
    assertThat(parameter.getAnnotation(org.springframework.boot.context.properties.bind.DefaultValue.class).value())
        .containsExactly(querySetting(new H2QueryCache(new MockEnvironment()), "jdbc:h2:mem:query-cache-documented"));
  }

  private static String querySetting(H2QueryCache cache, String url) throws Exception {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl(url);
      pool.setUsername("sa");
      pool.setMaximumPoolSize(1);
      cache.postProcessBeforeInitialization(pool, "dataSource");
      try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
          "select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
        assertThat(r.next()).isTrue();
        return r.getString(1);
      }
    }
  }
}
