package io.pksorchestrator.soak;

import io.pksorchestrator.PksOrchestratorApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST ONLY: a child JVM of the soak test running {@link PksOrchestratorApplication} (the orchestrator, or with the
 * first argument {@code simulator} the standalone simulator) on the main classes and dependencies only (no test
 * classes), its output in {@code <dir>/<name>.log}. Killed with SIGKILL or stopped with SIGTERM.
 */
final class SoakJvm {

  final String name;
  final Path log;
  private final Process process;

  private SoakJvm(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  static SoakJvm start(String name, Path dir, List<String> jvmOptions, List<String> arguments) {
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Djava.awt.headless=true", "-cp", classpath(), PksOrchestratorApplication.class.getName()));
    command.addAll(arguments);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new SoakJvm(name, log, p);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** Waits for a line of the log matching {@code pattern}; returns its first group. */
  String awaitLine(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines()) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m.groupCount() > 0 ? m.group(1) : line;
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + "; log tail:\n" + tail(60));
      }
      pause(200);
    }
    throw new AssertionError(name + ": no line matching " + pattern + " within " + timeout + "; log tail:\n"
        + tail(60));
  }

  /** SIGKILL: no shutdown hook, open transactions die with the JVM. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM, then SIGKILL after 20 s. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String tail(int n) {
    List<String> lines = lines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  private List<String> lines() {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // a half-written line: read again
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** This JVM's class path without the test classes (expanding surefire's manifest-only jar). */
  static String classpath() {
    try {
      Path testClasses = Path.of(SoakJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath().normalize();
      List<String> entries = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path path = Path.of(entry);
        if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("surefirebooter")) {
          try (JarFile jar = new JarFile(path.toFile())) {
            Manifest manifest = jar.getManifest();
            for (String url : manifest.getMainAttributes().getValue("Class-Path").trim().split("\\s+")) {
              entries.add(Path.of(path.toUri().resolve(new URI(url))).toString());
            }
          }
        } else if (!entry.isBlank()) {
          entries.add(entry);
        }
      }
      entries.removeIf(e -> Path.of(e).toAbsolutePath().normalize().equals(testClasses));
      return String.join(File.pathSeparator, entries);
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot build the child class path", e);
    }
  }
}
