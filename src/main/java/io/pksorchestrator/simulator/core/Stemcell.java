package io.pksorchestrator.simulator.core;

import java.util.Comparator;

/** A stemcell line and version, e.g. ubuntu-jammy 1.400. */
public record Stemcell(String os, String version) {

  /** Orders versions numerically per dot-separated part ("1.10" after "1.9"). */
  public static final Comparator<String> VERSION_ORDER = (a, b) -> {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int cmp = Long.compare(part(x, i), part(y, i));
      if (cmp != 0) {
        return cmp;
      }
    }
    return 0;
  };

  private static long part(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Long.parseLong(parts[i].replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The BOSH stemcell name of this line on vSphere, e.g. bosh-vsphere-esxi-ubuntu-jammy-go_agent. */
  public String boshName() {
    return "bosh-vsphere-esxi-" + os + "-go_agent";
  }
}
