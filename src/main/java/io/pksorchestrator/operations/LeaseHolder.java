package io.pksorchestrator.operations;

/**
 * The operation asking for a lease.
 *
 * @param id its process instance id
 * @param operation what it does to the cluster: one of {@link #CREATION}, {@link #RESIZE}, {@link #UPGRADE}
 * @param businessKey its business key (shown to whoever is refused or waits)
 */
public record LeaseHolder(String id, String operation, String businessKey) {

  public static final String CREATION = "creation";
  public static final String RESIZE = "resize";
  public static final String UPGRADE = "upgrade";

  public LeaseHolder {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A lease holder needs its process instance id");
    }
    if (operation == null || operation.isBlank() || operation.length() > 32) {
      throw new IllegalArgumentException("A lease holder needs an operation kind of at most 32 characters, got '"
          + operation + "'");
    }
  }
}
