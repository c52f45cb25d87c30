package io.pksorchestrator.upgrade;

import java.math.BigInteger;
import java.util.Comparator;

/** Stemcell versions compare numerically per dot-separated part: {@code 1.99 < 1.400 < 1.412 < 621.5}. */
public final class StemcellVersions {

  /** Numeric-per-part order; a non-numeric part compares as text after numeric ones. */
  public static final Comparator<String> ORDER = StemcellVersions::compare;

  private StemcellVersions() {}

  public static int compare(String a, String b) {
    String[] pa = a.trim().split("\\.");
    String[] pb = b.trim().split("\\.");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      String x = i < pa.length ? pa[i] : "0";
      String y = i < pb.length ? pb[i] : "0";
      int c = comparePart(x, y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  public static boolean isNewer(String candidate, String than) {
    return compare(candidate, than) > 0;
  }

  private static int comparePart(String x, String y) {
    boolean nx = x.matches("\\d+");
    boolean ny = y.matches("\\d+");
    if (nx && ny) {
      return new BigInteger(x).compareTo(new BigInteger(y));
    }
    if (nx != ny) {
      return nx ? -1 : 1;
    }
    return x.compareTo(y);
  }
}
