package io.pksorchestrator.platform.pks;

/** {@code last_action_state} of a cluster (or of one cluster in an upgrade task). */
public enum ActionState {
  QUEUED("queued"),
  IN_PROGRESS("in progress"),
  SUCCEEDED("succeeded"),
  FAILED("failed");

  private final String wire;

  ActionState(String wire) {
    this.wire = wire;
  }

  /** The value on the wire. */
  public String wire() {
    return wire;
  }

  /**
   * Parses the wire value. Older PKS docs print {@code error}, not in the swagger enum; it is read as
   * {@link #FAILED} (assumption, see pks-apis.md §10.4).
   */
  public static ActionState fromWire(String value) {
    if (value == null) {
      return null;
    }
    for (ActionState s : values()) {
      if (s.wire.equalsIgnoreCase(value)) {
        return s;
      }
    }
    if ("error".equalsIgnoreCase(value)) {
      return FAILED;
    }
    throw new IllegalArgumentException("Unknown last_action_state '" + value + "'");
  }

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
