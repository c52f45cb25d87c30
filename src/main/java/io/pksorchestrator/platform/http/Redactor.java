package io.pksorchestrator.platform.http;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * Replaces known secret values (client secrets, passwords, tokens) in text that may reach a message or a log, as
 * a second line of defence: error bodies should not echo secrets, but a misbehaving server might.
 */
public final class Redactor {

  private static final int MIN_SECRET_LENGTH = 4;
  private final Supplier<Collection<String>> secrets;

  public Redactor(Supplier<Collection<String>> secrets) {
    this.secrets = secrets;
  }

  public static Redactor none() {
    return new Redactor(java.util.List::of);
  }

  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String result = text;
    for (String secret : secrets.get()) {
      if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
        result = result.replace(secret, "******");
      }
    }
    return result;
  }
}
