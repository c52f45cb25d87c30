package io.pksorchestrator.platform.opsman;

import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.ConfiguredFoundations;
import io.pksorchestrator.platform.FoundationProperties;
import io.pksorchestrator.platform.FoundationProperties.Endpoint;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.http.FoundationClients;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * TEST ONLY: the main class of the child JVM of {@link StemcellStreamingUploadTest}: uploads one file through the
 * product's Ops Manager gateway to the simulated foundation at {@code args[0]} (e.g. http://localhost:1234/lab)
 * and prints what Ops Manager answered. Runs with a small heap on purpose.
 */
public final class LargeUploadChild {

  private LargeUploadChild() {}

  public static void main(String[] args) {
    String base = args[0];
    Path file = Path.of(args[1]);
    Foundation lab = TestFoundations.of("Lab", 1, null, null, false, Duration.ofSeconds(5), Duration.ofSeconds(30),
        Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMillis(100),
        endpoint(base + "/pks", base + "/pks-uaa", "lab-pks-client-secret"),
        endpoint(base + "/opsman", base + "/opsman/uaa", "lab-opsman-client-secret"),
        endpoint(base + "/bosh", base + "/bosh-uaa", "lab-bosh-client-secret"), null);
    FoundationClients clients = new FoundationClients(
        new ConfiguredFoundations(new FoundationProperties(Map.of("lab", lab))), java.time.Clock.systemUTC());
    long start = System.nanoTime();
    OmStemcell uploaded = new FeignOpsManagerGateway(clients).uploadStemcell("lab", file);
    System.out.println("UPLOADED " + (uploaded == null ? "(no stemcell in the answer)"
        : uploaded.os() + " " + uploaded.version()) + " in " + (System.nanoTime() - start) / 1_000_000 + " ms"
        + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
  }

  private static Endpoint endpoint(String url, String uaa, String secret) {
    return new Endpoint(URI.create(url), URI.create(uaa), "pkso-lab", secret, null, null, null, null);
  }
}
