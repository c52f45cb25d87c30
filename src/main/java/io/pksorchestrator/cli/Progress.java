package io.pksorchestrator.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of a long command-line task on standard error, never on standard output (scripts parse that): a bar
 * with percentage and time left, redrawn in place, when standard error is a terminal; otherwise (a file, a pipe,
 * CI) one line at every tenth of the work; nothing with {@code --quiet}. Safe to advance from several threads.
 */
public final class Progress implements AutoCloseable {

  /** How progress is shown. */
  public enum Mode {
    /** A bar redrawn in place (standard error is a terminal). */
    BAR,
    /** A line at 10 %, 20 %, ... 100 % (standard error is a file or a pipe). */
    LINES,
    /** Nothing ({@code --quiet}). */
    QUIET
  }

  private static final int BAR_WIDTH = 24;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final String task;
  private final String unit;
  private final long total;
  private final PrintStream err;
  private final Mode mode;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final AtomicLong done = new AtomicLong();
  private int tenthsShown;
  private long lastDrawNanos;
  private long lastDrawnUnits = -1;
  private boolean barOpen;

  /**
   * @param task what is done, first word of every line ("replay")
   * @param total units of work in all
   * @param unit name of a unit in the plural ("decisions")
   * @param err where progress goes (standard error)
   * @param mode how it is shown
   * @param nanoClock {@link System#nanoTime()}, or a test clock
   */
  public Progress(String task, long total, String unit, PrintStream err, Mode mode, LongSupplier nanoClock) {
    this.task = task;
    this.unit = unit;
    this.total = Math.max(1, total);
    this.err = err;
    this.mode = mode;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.lastDrawNanos = startNanos - REDRAW_NANOS;
  }

  /**
   * Progress on {@code err}: quiet when asked for, a bar when {@code err} is this process's standard error and that
   * is a terminal, lines otherwise.
   */
  public static Progress on(PrintStream err, String task, long total, String unit, boolean quiet) {
    Mode mode = quiet ? Mode.QUIET : err == System.err && standardErrorIsTerminal() ? Mode.BAR : Mode.LINES;
    return new Progress(task, total, unit, err, mode, System::nanoTime);
  }

  /** A progress that shows nothing (for callers without a command line, such as tests). */
  public static Progress none() {
    return new Progress("", 1, "", System.err, Mode.QUIET, System::nanoTime);
  }

  public Mode mode() {
    return mode;
  }

  /** One more unit done. */
  public void advance() {
    advance(1);
  }

  /** {@code units} more done. */
  public void advance(long units) {
    long now = done.addAndGet(units);
    if (mode != Mode.QUIET) {
      show(Math.min(now, total));
    }
  }

  /** Ends the bar's line (the last state stays visible); lines mode has printed its 100 % line already. */
  @Override
  public synchronized void close() {
    if (mode == Mode.BAR && barOpen) {
      if (lastDrawnUnits != Math.min(done.get(), total)) {
        draw(Math.min(done.get(), total));
      }
      err.println();
      barOpen = false;
    }
  }

  private synchronized void show(long now) {
    long elapsed = nanoClock.getAsLong() - startNanos;
    if (mode == Mode.LINES) {
      int tenths = (int) (now * 10 / total);
      if (tenths > tenthsShown) {
        tenthsShown = tenths;
        err.printf(Locale.ROOT, "%s: %d%% (%,d of %,d %s) after %s%s%n", task, tenths * 10, now, total, unit,
            duration(elapsed), now < total ? ", about " + duration(left(now, elapsed)) + " left" : "");
      }
    } else if (now == total || nanoClock.getAsLong() - lastDrawNanos >= REDRAW_NANOS) {
      draw(now);
    }
  }

  private void draw(long now) {
    long elapsed = nanoClock.getAsLong() - startNanos;
    lastDrawNanos = nanoClock.getAsLong();
    lastDrawnUnits = now;
    int filled = (int) (now * BAR_WIDTH / total);
    String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
    String left = now == 0 ? "estimating" : now >= total ? "done" : duration(left(now, elapsed)) + " left";
    // \r returns to the start of the line; the trailing spaces wipe a longer previous text
    err.printf(Locale.ROOT, "\r%s [%s] %3d%% %,d/%,d %s, %s, %s    ", task, bar, (int) (now * 100 / total), now,
        total, unit, duration(elapsed), left);
    err.flush();
    barOpen = true;
  }

  private long left(long now, long elapsed) {
    return now == 0 ? 0 : (long) (elapsed * (double) (total - now) / now);
  }

  /** 45s, 3m 05s, 1h 02m. */
  static String duration(long nanos) {
    long s = Math.max(0, Math.round(nanos / 1e9));
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
  }

  /**
   * Whether file descriptor 2 is a terminal (Linux: where {@code /proc/self/fd/2} points); elsewhere, whether the
   * JVM has a console. {@code TERM=dumb} counts as no terminal.
   */
  static boolean standardErrorIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
