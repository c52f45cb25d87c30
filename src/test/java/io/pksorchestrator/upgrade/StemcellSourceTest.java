package io.pksorchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class StemcellSourceTest {

  private HttpServer server;
  private final UpgradeProperties props = new UpgradeProperties();
  private final byte[] body = new byte[10_000];

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/stemcell.tgz", ex -> {
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/stemcell.tgz";
  }

  @Test
  void downloadsAUrlToATemporaryFileThatIsDeletedOnClose() throws Exception {
    Path downloaded;
    try (StemcellSource.Local local = new StemcellSource(props).fetch(url())) {
      downloaded = local.path();
      assertThat(Files.size(downloaded)).isEqualTo(body.length);
    }
    assertThat(downloaded).doesNotExist();
  }

  @Test
  void refusesADownloadAboveTheSizeLimitAndLeavesNoFile() throws Exception {
    props.setStemcellDownloadMaxSize(DataSize.ofBytes(4096));
    long before = countTempStemcells();
    IOException e = assertThrows(IOException.class, () -> new StemcellSource(props).fetch(url()));
    assertThat(e).hasMessageContaining("larger than");
    assertThat(countTempStemcells()).isEqualTo(before);
  }

  @Test
  void usesALocalFileInPlaceAndNeverDeletesIt(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("s.tgz"), body);
    try (StemcellSource.Local local = new StemcellSource(props).fetch(file.toString())) {
      assertThat(local.path()).isEqualTo(file);
    }
    assertThat(file).exists();
    assertThat(StemcellSource.problem(dir.resolve("missing.tgz").toString())).contains("does not exist");
    assertThat(StemcellSource.problem("ftp://host/s.tgz")).contains("file path or an http(s) URL");
  }

  private static long countTempStemcells() throws IOException {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("pkso-stemcell-")).count();
    }
  }
}
