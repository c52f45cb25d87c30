package io.pksorchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** {@link StemcellSource}: downloads (streaming, owner-only, size limit, redirects checked) and local files. */
class StemcellSourceTest {

  private HttpServer server;
  private final UpgradeProperties props = new UpgradeProperties();
  private final byte[] body = new byte[10_000];
  private final AtomicInteger outsideHits = new AtomicInteger();
  @TempDir Path work;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/stemcell.tgz", ex -> {
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.createContext("/to-inside", ex -> {
      ex.getResponseHeaders().add("Location", "/stemcell.tgz");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/to-outside", ex -> {
      ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/secret");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/secret", ex -> {
      outsideHits.incrementAndGet();
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    props.setStemcellUrlHosts(List.of("127.0.0.1"));
    props.setStemcellWorkDir(work.resolve("downloads"));
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void downloadsAUrlToAnOwnerOnlyFileBelowTheWorkDirThatIsDeletedOnClose() throws Exception {
    Path downloaded;
    try (StemcellSource.Local local = new StemcellSource(props).fetch(url("/stemcell.tgz"))) {
      downloaded = local.path();
      assertThat(Files.size(downloaded)).isEqualTo(body.length);
      assertThat(downloaded.getParent()).isEqualTo(work.resolve("downloads").toAbsolutePath().normalize());
      assertThat(Files.getPosixFilePermissions(downloaded))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(Files.getPosixFilePermissions(downloaded.getParent())).isEqualTo(Set.of(
          PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
    }
    assertThat(downloaded).doesNotExist();
  }

  @Test
  void followsRedirectsOnlyToAllowedHosts() throws Exception {
    try (StemcellSource.Local local = new StemcellSource(props).fetch(url("/to-inside"))) {
      assertThat(Files.size(local.path())).isEqualTo(body.length);
    }
    StemcellSourceRejectedException e = assertThrows(StemcellSourceRejectedException.class,
        () -> new StemcellSource(props).fetch(url("/to-outside")));
    assertThat(e).hasMessageContaining("host 'localhost' is not on pkso.upgrade.stemcell-url-hosts");
    assertThat(outsideHits).hasValue(0);
  }

  @Test
  void refusesADownloadAboveTheSizeLimitAndLeavesNoFile() throws Exception {
    props.setStemcellDownloadMaxSize(DataSize.ofBytes(4096));
    IOException e = assertThrows(IOException.class, () -> new StemcellSource(props).fetch(url("/stemcell.tgz")));
    assertThat(e).hasMessageContaining("larger than");
    try (var files = Files.list(work.resolve("downloads"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void usesALocalFileBelowTheDirectoryInPlaceAndNeverDeletesIt(@TempDir Path dir) throws Exception {
    props.setStemcellDir(dir);
    Path file = Files.write(dir.resolve("s.tgz"), body);
    try (StemcellSource.Local local = new StemcellSource(props).fetch(file.toString())) {
      assertThat(local.path()).isEqualTo(file.toRealPath());
    }
    assertThat(file).exists();
  }

  @Test
  void withoutConfigurationNeitherFilesNorUrlsAreAllowed() {
    UpgradeProperties none = new UpgradeProperties();
    assertThat(assertThrows(StemcellSourceRejectedException.class, () -> new StemcellSource(none).resolve("/tmp/s.tgz")))
        .hasMessageContaining("pkso.upgrade.stemcell-dir is not set");
    assertThat(assertThrows(StemcellSourceRejectedException.class,
        () -> new StemcellSource(none).resolve("https://example.com/s.tgz")))
        .hasMessageContaining("is not on pkso.upgrade.stemcell-url-hosts []");
  }

  @Test
  void aRelativeStemcellDirectoryStopsStartUp() {
    props.setStemcellDir(Path.of("stemcells"));
    assertThat(assertThrows(IllegalArgumentException.class, () -> new StemcellSource(props)))
        .hasMessageContaining("must be an absolute path");
  }

  @Test
  void aPathOutsideTheDirectoryIsRefusedWithoutLookingAtIt(@TempDir Path dir) {
    StemcellSourcePolicy policy = new StemcellSourcePolicy(dir, List.of());
    // a path that the test itself cannot stat either: the answer depends on the text only
    assertThat(assertThrows(StemcellSourceRejectedException.class, () -> policy.resolve("/root/.ssh/id_rsa")))
        .hasMessageContaining("is not below the stemcell directory");
  }
}
