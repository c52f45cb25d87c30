package io.pksorchestrator.forecast.replay;

/** A replay cannot run: bad options or an unreadable trace. The message says what is wrong and what to do. */
public class ReplayException extends RuntimeException {

  private final int exitCode;

  public ReplayException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** 2 = bad command line, 3 = bad or missing input. */
  public int exitCode() {
    return exitCode;
  }
}
