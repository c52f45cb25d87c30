package io.pksorchestrator.security;

/** Log hygiene for values that come from requests (user ids, paths, filter names). */
final class Logs {

  private static final int MAX = 200;

  private Logs() {}

  /** The value with control characters replaced (no forged log lines) and cut to a bounded length. */
  static String safe(String value) {
    if (value == null) {
      return "";
    }
    String cleaned = value.replaceAll("\\p{Cntrl}", "_");
    return cleaned.length() > MAX ? cleaned.substring(0, MAX) + "..." : cleaned;
  }
}
