package io.pksorchestrator.resize;

/** What the forecasting cycle does for a cluster. Configured as {@code forecast-only} / {@code forecast-and-scale}. */
public enum ClusterMode {
  /** Record the recommendation; never start a resize. */
  FORECAST_ONLY("forecast-only"),
  /** Record the recommendation and start a resize when the target differs from the current size. */
  FORECAST_AND_SCALE("forecast-and-scale");

  private final String value;

  ClusterMode(String value) {
    this.value = value;
  }

  /** The configuration and API spelling. */
  public String value() {
    return value;
  }

  /** Parses {@code forecast-only} / {@code forecast-and-scale} (also the enum names). */
  public static ClusterMode fromValue(String value) {
    for (ClusterMode m : values()) {
      if (m.value.equalsIgnoreCase(value) || m.name().equalsIgnoreCase(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Unknown resize mode '" + value
        + "'; use forecast-only or forecast-and-scale");
  }
}
