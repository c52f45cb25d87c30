package io.pksorchestrator.platform;

/** A foundation name was used that is not configured under {@code pkso.foundations}. */
public class UnknownFoundationException extends RuntimeException {

  private final String foundation;

  public UnknownFoundationException(String foundation, java.util.Collection<String> configured) {
    super("Foundation '" + foundation + "' is not configured; configured foundations: " + configured
        + ". Add it under pkso.foundations or correct the name.");
    this.foundation = foundation;
  }

  public String foundation() {
    return foundation;
  }
}
