package io.pksorchestrator.platform.http;

import java.util.HashMap;
import java.util.Map;

/**
 * Resolved UAA credentials of one component. {@code toString()} masks the secrets.
 *
 * @param username set for the password grant, {@code null} for client credentials
 */
public record ClientCredentials(String clientId, String clientSecret, String username, String password) {

  public boolean passwordGrant() {
    return username != null;
  }

  /**
   * Parses Ops Manager's {@code bosh_commandline_credentials}: one space-separated {@code KEY=VALUE} string such as
   * {@code BOSH_CLIENT=ops_manager BOSH_CLIENT_SECRET=... BOSH_CA_CERT=... BOSH_ENVIRONMENT=10.0.0.10 bosh}.
   * The trailing word {@code bosh} (the command) and anything without {@code =} is ignored.
   *
   * @throws IllegalArgumentException when BOSH_CLIENT or BOSH_CLIENT_SECRET is missing (the message never
   *     contains the string itself)
   */
  public static ClientCredentials fromBoshCommandline(String credential) {
    Map<String, String> values = new HashMap<>();
    if (credential != null) {
      for (String token : credential.trim().split("\\s+")) {
        int eq = token.indexOf('=');
        if (eq > 0) {
          values.put(token.substring(0, eq), token.substring(eq + 1));
        }
      }
    }
    String client = values.get("BOSH_CLIENT");
    String secret = values.get("BOSH_CLIENT_SECRET");
    if (client == null || secret == null) {
      throw new IllegalArgumentException("Ops Manager's bosh_commandline_credentials has no BOSH_CLIENT and "
          + "BOSH_CLIENT_SECRET; configure bosh.client-id and bosh.client-secret explicitly");
    }
    return new ClientCredentials(client, secret, null, null);
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", clientSecret=******, username=" + username
        + ", password=" + (password == null ? "null" : "******") + "]";
  }
}
