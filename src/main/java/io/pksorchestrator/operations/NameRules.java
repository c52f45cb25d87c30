package io.pksorchestrator.operations;

import java.util.regex.Pattern;

/**
 * The one definition of the names every operation uses: cluster names, host names and ticket ids. The ticketing
 * API's Bean Validation annotations use the patterns, the processes the predicates; both say the same.
 */
public final class NameRules {

  /** Longest cluster name (PKS derives DNS names and BOSH deployment names from it). */
  public static final int MAX_CLUSTER_NAME_LENGTH = 40;
  /** A DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit. */
  public static final String CLUSTER_NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  public static final String CLUSTER_NAME_MESSAGE =
      "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit";
  /** Longest host name. */
  public static final int MAX_HOSTNAME_LENGTH = 253;
  /**
   * A DNS-1123 subdomain (host name): lower-case DNS-1123 labels of at most 63 characters separated by dots, as
   * Kubernetes accepts them.
   */
  public static final String HOSTNAME =
      "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$";
  public static final String HOSTNAME_MESSAGE = "must be a lower-case DNS host name (labels of at most 63"
      + " characters: letters, digits and '-', separated by dots)";
  /** A ticket id of the requesting system. */
  public static final String TICKET_ID = "^[A-Za-z0-9][A-Za-z0-9._:/-]*$";
  public static final String TICKET_ID_MESSAGE =
      "must start with a letter or digit and contain only letters, digits and . _ : / -";

  private static final Pattern CLUSTER_NAME_PATTERN = Pattern.compile(CLUSTER_NAME);
  private static final Pattern HOSTNAME_PATTERN = Pattern.compile(HOSTNAME);

  private NameRules() {}

  /** Whether the name is a DNS-1123 label (the length is checked separately). */
  public static boolean isClusterName(String name) {
    return name != null && CLUSTER_NAME_PATTERN.matcher(name).matches();
  }

  /** Whether the host name is a lower-case DNS-1123 subdomain of at most 253 characters. */
  public static boolean isHostname(String host) {
    return host != null && HOSTNAME_PATTERN.matcher(host).matches();
  }
}
