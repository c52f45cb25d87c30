package io.pksorchestrator.platform.opsman;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Major and minor of an Ops Manager version string ({@code 2.10-build.123}, {@code 3.0.25-build.2}). */
record OmVersion(int major, int minor) {

  private static final Pattern MAJOR_MINOR = Pattern.compile("^v?(\\d+)\\.(\\d+)");

  static OmVersion parse(String version) {
    Matcher m = MAJOR_MINOR.matcher(version == null ? "" : version.trim());
    if (!m.find()) {
      throw new IllegalArgumentException("Unrecognised Ops Manager version '" + version
          + "'; expected X.Y-build.Z or X.Y.Z-build.A");
    }
    return new OmVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** {@code deploy_products} with product GUIDs (selective Apply Changes) exists from Ops Manager 2.2 on. */
  boolean hasSelectiveDeploy() {
    return major > 2 || (major == 2 && minor >= 2);
  }

  /** Multi-stemcell {@code stemcell_associations} exist from Ops Manager 2.6 on. */
  boolean hasStemcellAssociations() {
    return major > 2 || (major == 2 && minor >= 6);
  }
}
