package io.pksorchestrator.platform.http;

/** The remote components of a foundation, named as in {@code pkso.foundations.<name>.<component>}. */
public enum Component {
  PKS("pks"),
  OPSMAN("opsman"),
  BOSH("bosh"),
  METRICS("metrics");

  private final String key;

  Component(String key) {
    this.key = key;
  }

  /** The configuration key and the name used in messages. */
  public String key() {
    return key;
  }

  /** Name of this component's UAA in messages, e.g. {@code pks-uaa}. */
  public String uaaKey() {
    return key + "-uaa";
  }
}
