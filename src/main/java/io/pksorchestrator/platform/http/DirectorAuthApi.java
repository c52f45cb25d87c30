package io.pksorchestrator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.RequestLine;

/** What is needed to authenticate to a BOSH Director when only its URL and Ops Manager are configured. */
interface DirectorAuthApi {

  /** Director {@code GET /info} (unauthenticated): {@code user_authentication.options.url} is its UAA. */
  @RequestLine("GET /info")
  @Headers("Accept: application/json")
  JsonNode info();

  /** Ops Manager {@code GET /api/v0/deployed/director/credentials/bosh_commandline_credentials}. */
  @RequestLine("GET /api/v0/deployed/director/credentials/bosh_commandline_credentials")
  @Headers("Accept: application/json")
  JsonNode boshCommandlineCredentials();
}
