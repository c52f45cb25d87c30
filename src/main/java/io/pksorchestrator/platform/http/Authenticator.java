package io.pksorchestrator.platform.http;

/** Supplies the {@code Authorization} header of requests to one component of one foundation. */
public interface Authenticator {

  /** The header value ({@code Bearer ...} or {@code Basic ...}), or {@code null} for anonymous requests. */
  String authorization();

  /**
   * Forgets a cached credential after a 401.
   *
   * @return whether a fresh credential may succeed where the old one failed (true for UAA tokens)
   */
  boolean invalidate();

  /** No authentication (e.g. {@code GET /info}, an open Prometheus). */
  Authenticator NONE = new Authenticator() {
    @Override
    public String authorization() {
      return null;
    }

    @Override
    public boolean invalidate() {
      return false;
    }
  };

  /** A fixed header value (Prometheus bearer token or basic credentials). */
  static Authenticator fixed(String headerValue) {
    return new Authenticator() {
      @Override
      public String authorization() {
        return headerValue;
      }

      @Override
      public boolean invalidate() {
        return false;
      }

      @Override
      public String toString() {
        return "Authenticator[fixed, ******]";
      }
    };
  }
}
