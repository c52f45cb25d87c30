package io.pksorchestrator.security;

/**
 * The source (client IP address) of the request this thread serves, set by {@link LoginThrottleFilter} for the
 * request's duration, so that the engine's password check ({@link ThrottledIdentityProvider}) can count a refused
 * login against it. Unset outside requests: password checks of the engine itself are not counted.
 */
final class LoginSource {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private LoginSource() {}

  static String current() {
    return CURRENT.get();
  }

  /** Sets the source of this thread's request; returns the one it replaces (for {@link #restore}). */
  static String set(String source) {
    String previous = CURRENT.get();
    CURRENT.set(source);
    return previous;
  }

  /** Puts back what {@link #set} replaced. */
  static void restore(String previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
