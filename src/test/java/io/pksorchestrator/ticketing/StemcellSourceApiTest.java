package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 2 at the API: {@code stemcellSource} must not make the orchestrator read its own disk. Every class
 * of bad input is a 400 problem naming {@code stemcellSource}, and no instance starts; the answer never tells
 * whether a file outside the stemcell directory exists.
 */
class StemcellSourceApiTest extends TicketingApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The stemcell directory of the ticketing tests, with a stemcell, links out of it and a sub-directory. */
  static Path stemcellDirectory() {
    try {
      Path dir = Files.createTempDirectory("pkso-stemcells").toRealPath();
      Files.write(dir.resolve("bosh-stemcell-1.570.tgz"), new byte[] {0x1f, (byte) 0x8b});
      Files.createDirectories(dir.resolve("sub"));
      Files.write(dir.resolve("sub/bosh-stemcell-1.571.tgz"), new byte[] {0x1f, (byte) 0x8b});
      Files.createSymbolicLink(dir.resolve("passwd.tgz"), Path.of("/etc/passwd"));
      Files.createSymbolicLink(dir.resolve("missing.tgz"), Path.of("/etc/no-such-file-pkso"));
      Files.createSymbolicLink(dir.resolve("etc"), Path.of("/etc"));
      Files.createSymbolicLink(dir.resolve("inside.tgz"), dir.resolve("bosh-stemcell-1.570.tgz"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void filesBelowTheDirectoryAndUrlsOnAllowedHostsAreAccepted() throws Exception {
    for (String source : List.of(STEMCELL_DIR + "/bosh-stemcell-1.570.tgz", STEMCELL_DIR + "/sub/bosh-stemcell-1.571.tgz",
        STEMCELL_DIR + "/inside.tgz", "https://example.com/s.tgz", "http://mirror.example.com:8080/a/s.tgz?x=1",
        "HTTPS://EXAMPLE.COM/s.tgz", "https://example.com./s.tgz")) {
      HttpResponse<String> response = upgrade(source);
      assertThat(response.statusCode()).as(source + ": " + response.body()).isEqualTo(202);
    }
  }

  @Test
  void everyOtherClassOfSourceIs400NamingTheFieldAndStartsNothing() throws Exception {
    String dir = STEMCELL_DIR.toString();
    List<String> bad = List.of(
        // the orchestrator's own files, absolute and relative
        "/etc/passwd", "/etc/shadow", "/proc/self/environ", "/", "//etc/passwd", "etc/passwd", "./s.tgz", "s.tgz",
        "~/s.tgz",
        // traversal and dot segments, also starting inside the directory
        dir + "/../../etc/passwd", dir + "/./bosh-stemcell-1.570.tgz", dir + "/sub/../bosh-stemcell-1.570.tgz",
        dir + "/..", dir, dir + "/", dir + "/sub",
        // symbolic links leading out, to an existing and to a missing file, and through a linked directory
        dir + "/passwd.tgz", dir + "/missing.tgz", dir + "/etc/passwd",
        // a prefix of the directory that is not the directory
        dir + "-evil/s.tgz",
        // other schemes
        "file:///etc/passwd", "file:/etc/passwd", "FILE:///etc/passwd", "file://localhost/etc/passwd",
        "jar:file:/app.jar!/x", "ftp://example.com/s.tgz", "gopher://example.com/", "data:,x", "netdoc:/etc/passwd",
        // hosts off the list and authority tricks
        "https://evil.example.org/s.tgz", "https://example.com.evil.org/s.tgz", "https://evilexample.com/s.tgz",
        "https://example.com@evil.org/s.tgz", "https://user:pw@example.com/s.tgz", "https://evil.org#@example.com/",
        "https://evil.org\\@example.com/", "http:/example.com/s.tgz", "http:///s.tgz", "https://exa_mple.com/s.tgz",
        // IP literals in every spelling, loopback and metadata
        "http://127.0.0.1/s.tgz", "http://127.1/s.tgz", "http://2130706433/s.tgz", "http://0x7f000001/s.tgz",
        "http://017700000001/s.tgz", "http://[::1]/s.tgz", "http://[::ffff:127.0.0.1]/s.tgz", "http://localhost/s.tgz",
        "http://169.254.169.254/latest/meta-data/", "http://0/s.tgz",
        // control characters
        "/etc/passwd\u0000.tgz", dir + "/bosh-stemcell-1.570.tgz\n", "https://example.com/s.tgz\r\nX: y");
    long before = runtimeService.createProcessInstanceQuery().count();
    List<String> accepted = new ArrayList<>();
    for (String source : bad) {
      HttpResponse<String> response = upgrade(source);
      if (response.statusCode() != 400) {
        accepted.add(source + " -> " + response.statusCode() + " " + response.body());
        continue;
      }
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      JsonNode errors = JSON.readTree(response.body()).get("errors");
      assertThat(errors).as(source).isNotNull();
      assertThat(errors.findValuesAsText("field")).as(source).containsExactly("stemcellSource");
    }
    assertThat(accepted).as("sources that were not refused with 400").isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void theAnswerDoesNotTellWhetherAFileOutsideExists() throws Exception {
    assertThat(Files.exists(Path.of("/etc/passwd"))).isTrue();
    assertThat(message("/etc/passwd").replace("/etc/passwd", "X"))
        .isEqualTo(message("/etc/no-such-file-pkso").replace("/etc/no-such-file-pkso", "X"));
    String dir = STEMCELL_DIR.toString();
    assertThat(message(dir + "/passwd.tgz").replace("passwd.tgz", "X"))
        .as("a link to an existing file outside reads like a link to a missing one")
        .isEqualTo(message(dir + "/missing.tgz").replace("missing.tgz", "X"))
        .isEqualTo(message(dir + "/absent.tgz").replace("absent.tgz", "X"));
    assertThat(message(dir + "/etc/passwd").replace("etc/passwd", "X"))
        .isEqualTo(message(dir + "/etc/no-such-file-pkso").replace("etc/no-such-file-pkso", "X"));
  }

  private String message(String source) throws Exception {
    HttpResponse<String> response = upgrade(source);
    assertThat(response.statusCode()).as(source).isEqualTo(400);
    return JSON.readTree(response.body()).get("errors").get(0).get("message").asText();
  }

  private HttpResponse<String> upgrade(String source) throws Exception {
    return post("/api/v1/stemcell-upgrades", "ticketing", JSON.writeValueAsString(Map.of("foundation", "lab",
        "stemcellVersion", "1.570", "stemcellOs", "ubuntu-jammy", "stemcellSource", source,
        "clusters", List.of("web"))), Map.of());
  }
}
