package io.pksorchestrator.platform.opsman;

/**
 * A staged or deployed product (tile).
 *
 * @param type product type, {@code pivotal-container-service} for the PKS tile, {@code p-bosh} for the Director
 */
public record OmProduct(String installationName, String guid, String type, String productVersion) {

  public static final String PKS_TILE_TYPE = "pivotal-container-service";
}
