package io.pksorchestrator.platform.opsman;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stemcell file names as {@code om} parses them ({@code api/stemcell_service.go}): {@code [light-]bosh-stemcell-
 * VERSION-INFRASTRUCTURE-OS-go_agent.tgz} or {@code bosh-INFRASTRUCTURE-OS-go_agent-VERSION.tgz}, where
 * INFRASTRUCTURE is the IaaS and hypervisor ({@code vsphere-esxi}, {@code aws-xen-hvm}, {@code google-kvm}).
 */
final class StemcellFiles {

  record Parsed(String version, String infrastructure, String os) {}

  private static final String OS = "((?:ubuntu|centos|rhel|windows|alpine|debian).+?)";
  private static final Pattern FIRST =
      Pattern.compile("^(?:light-)?bosh-stemcell-(\\d+\\.\\d+(?:\\.\\d+)?)-(.+?)-" + OS + "-go_agent$");
  private static final Pattern SECOND =
      Pattern.compile("^bosh-(.+?)-" + OS + "-go_agent-(\\d+\\.\\d+(?:\\.\\d+)?)$");
  private static final Set<String> DOCKER = Set.of("warden", "docker");

  private StemcellFiles() {}

  /** The parts of a stemcell file name, or null when it follows neither pattern. */
  static Parsed parse(String filename) {
    String base = filename == null ? "" : filename.replaceAll(".*[/\\\\]", "").replaceAll("\\.tgz$", "");
    Matcher m = FIRST.matcher(base);
    if (m.matches()) {
      return new Parsed(m.group(1), m.group(2), m.group(3));
    }
    m = SECOND.matcher(base);
    if (m.matches()) {
      return new Parsed(m.group(3), m.group(1), m.group(2));
    }
    return null;
  }

  /**
   * Whether a stemcell file is for the foundation's infrastructure ({@code infrastructure_type} of the diagnostic
   * report), by om's {@code infrastructureMatches}: equal, warden and docker alike, vsphere and vsphere-esxi alike;
   * here also an IaaS-hypervisor name whose IaaS is the type ({@code aws-xen-hvm} on {@code aws}). A file name that
   * names no infrastructure never matches (the stemcell is uploaded again; Ops Manager answers that it exists).
   */
  static boolean fileMatches(String filename, String infrastructureType) {
    Parsed parsed = parse(filename);
    return parsed != null && infrastructureMatches(parsed.infrastructure(), infrastructureType);
  }

  /** om's {@code infrastructureMatches} on an infrastructure name (extended to IaaS-hypervisor names, see above). */
  static boolean infrastructureMatches(String infrastructure, String infrastructureType) {
    if (infrastructure == null || infrastructureType == null || infrastructureType.isBlank()) {
      return false;
    }
    String file = infrastructure.toLowerCase(Locale.ROOT);
    String type = infrastructureType.toLowerCase(Locale.ROOT);
    return file.equals(type) || file.startsWith(type + "-") || type.startsWith(file + "-")
        || (DOCKER.contains(file) && DOCKER.contains(type));
  }
}
