package io.pksorchestrator.ticketing;

/** Regular expressions shared by the request DTOs. */
final class Patterns {

  /** A DNS-1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric. */
  static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  static final String DNS_LABEL_MESSAGE =
      "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit";
  /** A DNS-1123 subdomain (host name). */
  static final String HOSTNAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
  static final String TICKET_ID = "^[A-Za-z0-9][A-Za-z0-9._:/-]*$";
  static final String TICKET_ID_MESSAGE = "must start with a letter or digit and contain only letters, digits and . _ : / -";

  private Patterns() {}
}
