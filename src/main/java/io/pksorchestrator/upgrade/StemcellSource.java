package io.pksorchestrator.upgrade;

import io.pksorchestrator.upgrade.StemcellSourcePolicy.LocalFile;
import io.pksorchestrator.upgrade.StemcellSourcePolicy.RemoteUrl;
import io.pksorchestrator.upgrade.StemcellSourcePolicy.Resolved;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Makes an allowed stemcell source available as a local file. The rule of what is allowed is
 * {@link StemcellSourcePolicy} ({@code pkso.upgrade.stemcell-dir}, {@code pkso.upgrade.stemcell-url-hosts});
 * {@link #fetch} applies it again, so nothing but an allowed source is ever read. A URL is downloaded, streaming,
 * to an owner-only file below {@code pkso.upgrade.stemcell-work-dir} with a size limit; redirects are followed
 * only to allowed hosts (at most 5). Ops Manager's upload API takes a file only, so a URL cannot be passed on.
 * {@link Local#close()} deletes a downloaded file again.
 */
@Component
public class StemcellSource {

  private static final int MAX_REDIRECTS = 5;

  private final UpgradeProperties properties;
  private final StemcellSourcePolicy policy;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();

  public StemcellSource(UpgradeProperties properties) {
    this.properties = properties;
    Path dir = properties.getStemcellDir();
    this.policy = new StemcellSourcePolicy(dir == null || dir.toString().isBlank() ? null : dir,
        properties.getStemcellUrlHosts());
  }

  /** A local stemcell file; deleted on close when it was downloaded. */
  public record Local(Path path, boolean temporary) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (temporary) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The policy in force. */
  public StemcellSourcePolicy policy() {
    return policy;
  }

  /** Resolves a source or throws {@link StemcellSourceRejectedException} (never touches files outside the dir). */
  public Resolved resolve(String source) {
    return policy.resolve(source);
  }

  /** Resolves {@code source} again and makes it a local file: the file itself, or a download of the URL. */
  public Local fetch(String source) throws IOException, InterruptedException {
    Resolved resolved = policy.resolve(source);
    if (resolved instanceof LocalFile file) {
      return new Local(file.realPath(), false);
    }
    return download(((RemoteUrl) resolved).url());
  }

  private Local download(URI first) throws IOException, InterruptedException {
    URI url = first;
    HttpResponse<InputStream> response = null;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpRequest request = HttpRequest.newBuilder(url).timeout(properties.getStemcellDownloadTimeout()).GET().build();
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      int status = response.statusCode();
      if (status / 100 != 3) {
        break;
      }
      response.body().close();
      String location = response.headers().firstValue("Location").orElseThrow(() ->
          new IOException("Download of stemcell " + first + " answered a redirect without Location"));
      // every hop must be allowed too: an allowed host must not lead the orchestrator to any other
      url = ((RemoteUrl) policy.resolve(url.resolve(location).toString())).url();
      response = null;
    }
    if (response == null) {
      throw new IOException("Download of stemcell " + first + " redirected more than " + MAX_REDIRECTS + " times");
    }
    if (response.statusCode() / 100 != 2) {
      response.body().close();
      throw new IOException("Download of stemcell " + url + " answered HTTP " + response.statusCode());
    }
    Path file = Files.createTempFile(workDir(), "pkso-stemcell-", ".tgz");
    ownerOnly(file, "rw-------");
    long max = properties.getStemcellDownloadMaxSize().toBytes();
    try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > max) {
          throw new IOException("Stemcell at " + url + " is larger than " + properties.getStemcellDownloadMaxSize()
              + " (pkso.upgrade.stemcell-download-max-size)");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new Local(file, true);
  }

  private Path workDir() throws IOException {
    Path dir = properties.getStemcellWorkDir().toAbsolutePath().normalize();
    Files.createDirectories(dir);
    ownerOnly(dir, "rwx------");
    return dir;
  }

  private static void ownerOnly(Path path, String permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
