package io.pksorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;

/**
 * Issue 11 item 6c: the H2 database directory is 0700 and its files 0600 once the application has started, in a
 * Spring context wired like the application's (the bean post-processor, a Hikari pool, a bean that connects while
 * the context starts, as Flyway and the engine do), and whatever the process umask.
 */
class H2FilePermissionsTest {

  @TempDir Path work;

  static class Config {
    @Bean
    static H2FilePermissions h2FilePermissions(org.springframework.core.env.Environment environment) {
      return new H2FilePermissions(environment);
    }

    @Bean
    HikariDataSource dataSource(org.springframework.core.env.Environment environment) {
      HikariDataSource ds = new HikariDataSource();
      ds.setJdbcUrl(environment.getProperty("spring.datasource.url"));
      ds.setUsername("sa");
      return ds;
    }

    /** Connects during start-up and writes a table, so the database files exist before the context is ready. */
    @Bean
    InitializingBean schema(DataSource dataSource) {
      return () -> {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
          s.execute("create table if not exists secrets(v varchar(20))");
          s.execute("insert into secrets values ('kubeconfig')");
        }
      };
    }
  }

  @Test
  void theDatabaseDirectoryAndFilesAreOwnerOnly() throws Exception {
    Path dir = work.resolve("data");
    String url = "jdbc:h2:file:" + dir.resolve("pks-orchestrator") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
          Map.of("spring.datasource.url", url)));
      context.register(Config.class);
      context.refresh();

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.toList();
      }
      assertThat(files).extracting(p -> p.getFileName().toString()).contains("pks-orchestrator.mv.db");
      for (Path file : files) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
            .isEqualTo("rw-------");
      }
    }
  }

  @Test
  void anExistingOpenDirectoryIsNarrowed() throws Exception {
    Path dir = Files.createDirectories(work.resolve("old"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path old = Files.writeString(dir.resolve("db.mv.db"), "x");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
    H2FilePermissions.prepare(dir.resolve("db"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
  }

  @Test
  void onlyH2FileUrlsAreTouched() {
    assertThat(H2FilePermissions.databaseFile("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEmpty();
    assertThat(H2FilePermissions.databaseFile("jdbc:h2:tcp://db/x")).isEmpty();
    assertThat(H2FilePermissions.databaseFile("jdbc:postgresql://db/pkso")).isEmpty();
    assertThat(H2FilePermissions.databaseFile("jdbc:h2:file:./data/pks-orchestrator;DB_CLOSE_ON_EXIT=FALSE"))
        .contains(Path.of("data/pks-orchestrator").toAbsolutePath());
    assertThat(H2FilePermissions.databaseFile("jdbc:h2:~/pkso")).contains(Path.of(System.getProperty("user.home"),
        "pkso"));
  }
}
