package io.pksorchestrator.platform.http;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time by which the current thread's foundation calls must have ended, if any: for a job of the workflow engine,
 * its lock expiry minus a margin (set by {@code engine.JobCallDeadlinePlugin}), so that a job can never still be
 * calling a foundation when its lock expires and another node takes it. {@link FoundationClient} shortens each
 * call's timeout to the time left and refuses a call once none is left (retryable: the engine runs the job again
 * under a new lock). Outside jobs (web requests, the stemcell upload threads) there is no deadline.
 */
public final class CallDeadline {

  private static volatile Supplier<Optional<Instant>> source = Optional::empty;

  private CallDeadline() {}

  /** Where deadlines come from (the engine plugin installs one reading the current job's lock). */
  public static void setSource(Supplier<Optional<Instant>> deadlines) {
    source = deadlines == null ? Optional::empty : deadlines;
  }

  /** The deadline of the current thread's work, if any. */
  public static Optional<Instant> current() {
    try {
      return source.get();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
