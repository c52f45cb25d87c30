package io.pksorchestrator.resize;

import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.UnknownFoundationException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Configured foundations for tests, all with the same time scale. */
class FixedFoundations implements Foundations {

  private final Set<String> names;
  private final double scale;

  FixedFoundations(double scale, String... names) {
    this.names = new LinkedHashSet<>(List.of(names));
    this.scale = scale;
  }

  @Override
  public Set<String> names() {
    return names;
  }

  @Override
  public boolean isConfigured(String foundation) {
    return names.contains(foundation);
  }

  @Override
  public Duration toWallTime(String foundation, Duration foundationTime) {
    if (!names.contains(foundation)) {
      throw new UnknownFoundationException(foundation, names);
    }
    return Duration.ofMillis(Math.round(foundationTime.toMillis() / scale));
  }
}
