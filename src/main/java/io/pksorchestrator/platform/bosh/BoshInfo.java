package io.pksorchestrator.platform.bosh;

/** {@code GET /info}: the Director's identity and authentication type ({@code uaa} or {@code basic}). */
public record BoshInfo(String name, String uuid, String version, String cpi, String userAuthenticationType) {}
