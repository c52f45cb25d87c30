package io.pksorchestrator.operations;

import java.math.BigDecimal;

/**
 * The one rule for counts (workers, clusters in flight) from any entry point: a whole number. Integer, Long and
 * integral decimals ({@code 3.0}, what Camunda forms and some JSON writers send) count; {@code 3.5} and text that is
 * not a number do not, and are never truncated.
 */
public final class WholeNumbers {

  /** Marks a value that is present but not a whole number, so a rule can report it. */
  public static final int NOT_WHOLE = Integer.MIN_VALUE;

  private WholeNumbers() {}

  /** The value as an int; {@code null} when absent or blank; {@link #NOT_WHOLE} when not a whole number. */
  public static Integer parse(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    BigDecimal number;
    try {
      number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return NOT_WHOLE;
    }
    try {
      int whole = number.intValueExact();
      return whole == NOT_WHOLE ? NOT_WHOLE : whole;
    } catch (ArithmeticException e) {
      return NOT_WHOLE; // a fraction, or beyond int
    }
  }
}
