package io.pksorchestrator.platform.opsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.simulator.SimulatedClock;
import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.SimulatorProperties;
import io.pksorchestrator.simulator.Stemcells;
import io.pksorchestrator.simulator.opsman.OpsManager.ReceivedUpload;
import io.pksorchestrator.simulator.web.SimulatorServer;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 3: a 2 GiB stemcell (sparse: a real stemcell tgz followed by zeros, which gzip ignores as padding)
 * goes through the product's Ops Manager client in a child JVM held to {@code -Xmx256m}, to the simulated Ops
 * Manager in this JVM, which streams what it receives: it counts every byte and checks a CRC-32C while reading,
 * and this test compares both with the file.
 */
class StemcellStreamingUploadTest {

  private static final long SIZE = 2L * 1024 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void aTwoGibStemcellStreamsThroughA256MbClient() throws Exception {
    Path file = dir.resolve("bosh-stemcell-1.999-vsphere-esxi-ubuntu-jammy-go_agent.tgz");
    Files.write(file, Stemcells.tarball("ubuntu-jammy", "1.999"));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(SIZE); // the rest is a hole: free on disk, zeros when read
    }
    long expectedCrc = crc32c(file);

    SimulatorProperties properties = new SimulatorProperties();
    SimulatedClock clock = new SimulatedClock(Instant.now(), 60);
    clock.pause();
    SimulatedFoundation foundation = new SimulatedFoundation(properties, clock, Clock.systemUTC());
    try (SimulatorServer server = SimulatorServer.start(foundation, 0)) {
      String base = server.foundationUrl(foundation);
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:+UseSerialGC", "-cp", classPath(), LargeUploadChild.class.getName(), base, file.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
      boolean ended = child.waitFor(4, TimeUnit.MINUTES);
      String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
      if (!ended) {
        child.destroyForcibly();
      }
      System.out.println("[StemcellStreamingUploadTest] child: " + log.lines().filter(l -> l.startsWith("UPLOADED"))
          .findFirst().orElse("(no result)"));
      assertThat(ended).as("child finished within 4 minutes; log:\n" + tail(log)).isTrue();
      assertThat(child.exitValue()).as("child exit; log:\n" + tail(log)).isZero();
      assertThat(log).contains("UPLOADED ubuntu-jammy 1.999").contains("max heap");

      List<ReceivedUpload> received = foundation.call(() -> foundation.opsman().receivedUploads());
      assertThat(received).hasSize(1);
      assertThat(received.get(0).fileName()).isEqualTo(file.getFileName().toString());
      assertThat(received.get(0).bytes()).isEqualTo(SIZE);
      assertThat(received.get(0).crc32c()).isEqualTo(expectedCrc);
    }
  }

  private static long crc32c(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        crc.update(buffer);
        buffer.clear();
      }
    }
    return crc.getValue();
  }

  /** This JVM's class path; surefire's manifest-only jar is expanded to its entries. */
  private static String classPath() throws Exception {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("surefirebooter")) {
        try (JarFile jar = new JarFile(path.toFile())) {
          for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").trim().split("\\s+")) {
            entries.add(Path.of(path.toUri().resolve(new URI(url))).toString());
          }
        }
      } else if (!entry.isBlank()) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
