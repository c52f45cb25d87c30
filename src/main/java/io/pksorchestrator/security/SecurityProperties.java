package io.pksorchestrator.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of the orchestrator ({@code pkso.security.*}). Passwords are bound from the environment
 * ({@code PKSO_ADMIN_PASSWORD}, ...) in {@code config/platform.yml}; an empty password means "generate a random one
 * at start-up and print it once".
 *
 * @param adminPassword password of the user {@code admin} (group camunda-admin); empty: generated at start-up
 * @param operatorPassword password of the user {@code operator} (group platform-operators); empty: generated
 * @param ticketingPassword password of the user {@code ticketing} (group ticketing); empty: generated
 * @param realm realm announced in the {@code WWW-Authenticate} header of 401 responses
 * @param maxQueryBodyBytes largest request body the task-query expression guard inspects; larger bodies get 413
 */
@ConfigurationProperties("pkso.security")
public record SecurityProperties(
    String adminPassword,
    String operatorPassword,
    String ticketingPassword,
    String realm,
    Integer maxQueryBodyBytes) {

  public SecurityProperties {
    realm = realm == null || realm.isBlank() ? "pks-orchestrator" : realm;
    maxQueryBodyBytes = maxQueryBodyBytes == null ? 1_048_576 : maxQueryBodyBytes;
  }
}
