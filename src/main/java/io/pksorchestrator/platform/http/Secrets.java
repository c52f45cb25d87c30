package io.pksorchestrator.platform.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a secret given literally or as a file. Files are re-read on every call so that rotated Kubernetes or
 * Docker secrets take effect with the next token. Messages name the property and the file, never the value.
 */
public final class Secrets {

  private Secrets() {}

  /**
   * @param property the configuration key, for messages (e.g. {@code pkso.foundations.prod.pks.client-secret})
   * @return the literal value, else the trimmed file content, else {@code null}
   * @throws IllegalStateException when the file cannot be read
   */
  public static String resolve(String literal, Path file, String property) {
    if (literal != null) {
      return literal;
    }
    if (file == null) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read " + property + "-file '" + file + "' ("
          + e.getClass().getSimpleName() + "). Check that the file exists and is readable by the orchestrator.");
    }
  }
}
