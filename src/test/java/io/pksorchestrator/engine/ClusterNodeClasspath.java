package io.pksorchestrator.engine;

import io.pksorchestrator.engine.clusternode.ClusterNodeModels;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * TEST ONLY: the class path of a child node of {@link ClusteredEngineIT}: this JVM's class path (main classes and
 * every dependency), but instead of the whole test output only the node's test beans ({@code engine.clusternode})
 * and models ({@code clustered-bpmn/}). The application's component scan would otherwise pick up other tests'
 * configurations (Spring's test-type exclusion does not exist outside a test context) and test resources.
 */
final class ClusterNodeClasspath {

  private ClusterNodeClasspath() {}

  static void resetDirectory(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  static String build(Path nodeClasses) throws IOException, URISyntaxException {
    Path testClasses = Path.of(ClusterNodeModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String beans = ClusterNodeModels.class.getPackageName().replace('.', '/');
    copyTree(testClasses.resolve(beans), nodeClasses.resolve(beans));
    copyTree(testClasses.resolve(ClusterNodeModels.MODEL_FOLDER), nodeClasses.resolve(ClusterNodeModels.MODEL_FOLDER));

    List<String> entries = new ArrayList<>();
    boolean replaced = false;
    for (String entry : expand(System.getProperty("java.class.path"))) {
      if (Path.of(entry).toAbsolutePath().normalize().equals(testClasses.toAbsolutePath().normalize())) {
        entries.add(nodeClasses.toString());
        replaced = true;
      } else {
        entries.add(entry);
      }
    }
    System.out.println("[ClusteredEngineIT] node class path: " + entries.size() + " entries, java.class.path was "
        + (System.getProperty("java.class.path").contains("surefirebooter") ? "surefire's manifest-only jar (expanded)"
        : "the full class path"));
    if (!replaced) {
      throw new IllegalStateException("test classes " + testClasses + " not on the class path " + entries);
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Surefire may run tests from a manifest-only jar: its {@code Class-Path} lists the real entries. */
  private static List<String> expand(String classpath) throws IOException, URISyntaxException {
    List<String> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
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
    return entries;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
