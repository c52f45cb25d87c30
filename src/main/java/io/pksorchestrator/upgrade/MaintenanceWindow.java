package io.pksorchestrator.upgrade;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Parses maintenance window bounds (ISO-8601 date-times; without an offset they are read as UTC) and answers
 * window questions against engine time ({@link ClockUtil}, so tests can move it). Used by the window timers as
 * {@code ${upgradeWindow.opensAt(maintenanceWindowStart)}}.
 */
@Component("upgradeWindow")
public class MaintenanceWindow {

  /** The instant the window opens; now when no start is given (the timer then fires at once). */
  public Date opensAt(Object start) {
    Instant at = parse(start);
    return Date.from(at == null ? now() : at);
  }

  /** Whether the window given by this end has closed (never, without an end). */
  public static boolean hasClosed(Object end) {
    Instant at = parse(end);
    return at != null && !now().isBefore(at);
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * Parses an ISO-8601 date-time ({@code 2026-11-29T22:00:00Z}, {@code 2026-11-29T23:00:00+01:00} or
   * {@code 2026-11-29T22:00} as UTC); blank or null is "not given".
   *
   * @throws IllegalArgumentException with the expected format when the text is not a date-time
   */
  public static Instant parse(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant();
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date-time; use e.g."
            + " 2026-11-29T22:00:00Z");
      }
    }
  }
}
