package io.pksorchestrator.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps an H2 file database readable by its owner only (issue 11 item 6c): the database holds process variables,
 * history and the identity tables. Java cannot set the process umask, so:
 * <ol>
 *   <li>before the first connection (when the first {@code DataSource} bean is initialised) the database
 *       directory is created with mode {@code 0700}, or narrowed to it when it exists; nobody else can then open
 *       anything inside it, whatever mode H2 gives a file later (a trace file, a temporary file);</li>
 *   <li>once every singleton is ready (the engine and Flyway have connected, so the files exist), every file of
 *       the database ({@code <name>.*}) is set to {@code 0600}, also those of an older start.</li>
 * </ol>
 * In-memory and server ({@code tcp:}, {@code ssl:}) URLs, other databases and non-POSIX file systems are left alone.
 */
@Component
public class H2FilePermissions implements BeanPostProcessor, SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(H2FilePermissions.class);

  private final Environment environment;
  private volatile boolean prepared;

  public H2FilePermissions(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource && !prepared) {
      prepared = true;
      databaseFile(environment.getProperty("spring.datasource.url")).ifPresent(H2FilePermissions::prepare);
    }
    return bean;
  }

  @Override
  public void afterSingletonsInstantiated() {
    databaseFile(environment.getProperty("spring.datasource.url")).ifPresent(H2FilePermissions::tighten);
  }

  /** The database file prefix of an H2 file URL ({@code ./data/pks-orchestrator}), or empty. */
  static Optional<Path> databaseFile(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(8);
    int semicolon = rest.indexOf(';');
    if (semicolon >= 0) {
      rest = rest.substring(0, semicolon);
    }
    if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
      return Optional.empty();
    }
    if (rest.startsWith("file:")) {
      rest = rest.substring(5);
    }
    if (rest.startsWith("~")) {
      rest = System.getProperty("user.home") + rest.substring(1);
    }
    return rest.isBlank() ? Optional.empty() : Optional.of(Path.of(rest).toAbsolutePath().normalize());
  }

  /** Creates or narrows the database directory to 0700. */
  static void prepare(Path databaseFile) {
    if (!posix()) {
      return;
    }
    Path dir = databaseFile.getParent();
    try {
      if (Files.notExists(dir)) {
        Files.createDirectories(dir);
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      tighten(databaseFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the H2 database directory " + dir + " owner-only (0700); check that"
          + " this user owns it", e);
    }
  }

  /** Sets every file of the database ({@code <name>.*}) to 0600. */
  static void tighten(Path databaseFile) {
    if (!posix() || Files.notExists(databaseFile.getParent())) {
      return;
    }
    String prefix = databaseFile.getFileName() + ".";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(databaseFile.getParent(),
        p -> p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p))) {
      int count = 0;
      for (Path file : files) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        count++;
      }
      LOG.debug("PKSO-ENGINE020 H2 database {}: directory 0700, {} file(s) 0600", databaseFile, count);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the H2 database files " + databaseFile + ".* owner-only (0600)", e);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
