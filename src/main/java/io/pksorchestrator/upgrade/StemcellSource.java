package io.pksorchestrator.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Makes a stemcell source (a file path or an http(s) URL) available as a local file. A URL is downloaded to a
 * temporary file with a size limit; {@link Local#close()} deletes that file again.
 */
@Component
public class StemcellSource {

  private final UpgradeProperties properties;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  public StemcellSource(UpgradeProperties properties) {
    this.properties = properties;
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

  /** Why this source cannot be used, or null when it looks usable (checked before approval). */
  public static String problem(String source) {
    if (isUrl(source)) {
      return null;
    }
    if (source.contains("://")) {
      return "stemcellSource '" + source + "' must be a file path or an http(s) URL";
    }
    Path p = Path.of(source);
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      return "stemcellSource file '" + source + "' does not exist or is not readable by the orchestrator";
    }
    return null;
  }

  public Local fetch(String source) throws IOException, InterruptedException {
    if (!isUrl(source)) {
      String problem = problem(source);
      if (problem != null) {
        throw new IllegalStateException(problem);
      }
      return new Local(Path.of(source), false);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(source))
        .timeout(properties.getStemcellDownloadTimeout()).GET().build();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 != 2) {
      response.body().close();
      throw new IOException("Download of stemcell " + source + " answered HTTP " + response.statusCode());
    }
    Path file = Files.createTempFile("pkso-stemcell-", ".tgz");
    long max = properties.getStemcellDownloadMaxSize().toBytes();
    try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > max) {
          throw new IOException("Stemcell at " + source + " is larger than " + properties.getStemcellDownloadMaxSize()
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

  private static boolean isUrl(String source) {
    String s = source.toLowerCase();
    return s.startsWith("http://") || s.startsWith("https://");
  }
}
