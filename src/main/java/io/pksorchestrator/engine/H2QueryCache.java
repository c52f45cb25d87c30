package io.pksorchestrator.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives each H2 connection a cache of parsed SQL statements large enough for the engine's statements. H2 keeps the
 * last {@code QUERY_CACHE_SIZE} parsed statements per connection, 8 by default; a process start alone runs more
 * distinct statements than that (definition look-up, the runtime and history inserts, authorization checks), so
 * with the default every {@code prepareStatement} parsed its SQL again: 17 % of the request threads' CPU of a
 * {@code /engine-rest} start (JFR, docs/platform.md "Start throughput"). The setting belongs to the database when it
 * is opened, so it is added to the URL of every H2 pool ({@code ;QUERY_CACHE_SIZE=n}) unless the URL sets it;
 * {@code pkso.engine.h2-query-cache-size} (default 128, 0 = H2's default) is the size. Other databases (PostgreSQL
 * caches plans on the server) are left alone.
 */
@Component
public class H2QueryCache implements BeanPostProcessor {

  static final String PROPERTY = "pkso.engine.h2-query-cache-size";

  private final int size;

  /**
   * Binds {@link EngineProperties} from the environment itself (a post-processor is created before the properties
   * beans), so the default is the record's {@code @DefaultValue}, written once.
   */
  public H2QueryCache(Environment environment) {
    this.size = Binder.get(environment).bindOrCreate("pkso.engine", EngineProperties.class).h2QueryCacheSize();
    if (size < 0) {
      throw new IllegalArgumentException(PROPERTY + " must be 0 or more, got " + size);
    }
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
      pool.setJdbcUrl(withQueryCache(pool.getJdbcUrl(), size));
    }
    return bean;
  }

  /** The URL with {@code ;QUERY_CACHE_SIZE=size} added when it is an H2 URL that does not set it and size > 0. */
  static String withQueryCache(String url, int size) {
    String upper = url.toUpperCase(Locale.ROOT);
    if (size <= 0 || !upper.startsWith("JDBC:H2:") || upper.contains(";QUERY_CACHE_SIZE=")) {
      return url;
    }
    return url + ";QUERY_CACHE_SIZE=" + size;
  }
}
