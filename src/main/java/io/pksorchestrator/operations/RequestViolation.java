package io.pksorchestrator.operations;

/**
 * One rule an operation request breaks: the field, what is wrong with it (with the limit it exceeds), and whether the
 * request itself is wrong ({@link Kind#INVALID}: HTTP 400) or names something the foundation does not have or does
 * not allow ({@link Kind#UNPROCESSABLE}: HTTP 422). A process reports the same rule as a rejection reason
 * ({@link #message()}), the ticketing API as a problem naming the field.
 *
 * @param field the request field, as the API names it ({@code clusterName}, {@code canaries[0]})
 * @param message what is wrong and what to do, readable on its own
 */
public record RequestViolation(String field, String message, Kind kind) {

  /** Whether the request or the foundation decides. */
  public enum Kind {
    /** The request breaks a rule by itself (HTTP 400). */
    INVALID,
    /** The request is well-formed but the foundation does not have or allow what it names (HTTP 422). */
    UNPROCESSABLE
  }

  public static RequestViolation invalid(String field, String message) {
    return new RequestViolation(field, message, Kind.INVALID);
  }

  public static RequestViolation unprocessable(String field, String message) {
    return new RequestViolation(field, message, Kind.UNPROCESSABLE);
  }
}
