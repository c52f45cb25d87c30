package io.pksorchestrator.engine;

import static org.awaitility.Awaitility.await;

import io.pksorchestrator.PksOrchestratorApplication;
import io.pksorchestrator.PlatformTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * TEST ONLY: one application node of {@link ClusteredEngineIT}, a child JVM running {@link PksOrchestratorApplication}
 * with the {@code postgres} profile; its output goes to {@code <dir>/node-<name>.log}.
 */
final class ClusterNodeProcess {

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private ClusterNodeProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** Starts the node; {@code arguments} are Spring properties ({@code --key=value}), the database in {@code env}. */
  static ClusterNodeProcess start(String name, String classpath, Path dir, Map<String, String> env,
      List<String> arguments) {
    int port = PlatformTestSupport.freePort();
    Path log = dir.resolve("node-" + name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
        "-cp", classpath, PksOrchestratorApplication.class.getName(),
        "--server.port=" + port, "--spring.main.banner-mode=off"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      return new ClusterNodeProcess(name, port, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start node " + name, e);
    }
  }

  /** Waits until the anonymous readiness probe answers UP (fails at once, with the log, if the JVM exits). */
  void awaitReady(Duration timeout) {
    try {
      awaitReadiness(timeout);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("node " + name + " not ready within " + timeout + "; log tail:\n" + tail(), e);
    }
  }

  private void awaitReadiness(Duration timeout) {
    await("node " + name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("node " + name + " exited with " + process.exitValue() + "; log tail:\n" + tail());
      }
      try {
        HttpResponse<String> response = PlatformTestSupport.send(PlatformTestSupport.get(url("/actuator/health/readiness")));
        return response.statusCode() == 200 && response.body().contains("\"UP\"");
      } catch (IllegalStateException notListeningYet) {
        return false;
      }
    });
  }

  /** Starts an instance of {@code processKey} through this node's REST API, as admin. */
  HttpResponse<String> startInstance(String processKey, String businessKey, String adminPassword) {
    return PlatformTestSupport.send(PlatformTestSupport.postJson(
            url("/engine-rest/process-definition/key/" + processKey + "/start"),
            "{\"businessKey\":\"" + businessKey + "\"}")
        .header("Authorization", PlatformTestSupport.basic("admin", adminPassword)));
  }

  /** SIGKILL: no shutdown hook, no graceful stop of the job executor, open transactions die with the JVM. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** The last lines of the node's output, for assertion messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }

}
