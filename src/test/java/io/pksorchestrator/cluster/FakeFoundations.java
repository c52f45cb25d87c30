package io.pksorchestrator.cluster;

import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.UnknownFoundationException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Configured foundations with their time scales, for process tests. */
class FakeFoundations implements Foundations {

  private final Map<String, Integer> timeScales;

  FakeFoundations(Map<String, Integer> timeScales) {
    this.timeScales = timeScales;
  }

  @Override
  public Set<String> names() {
    return timeScales.keySet();
  }

  @Override
  public boolean isConfigured(String foundation) {
    return timeScales.containsKey(foundation);
  }

  @Override
  public Duration toWallTime(String foundation, Duration foundationTime) {
    Integer scale = timeScales.get(foundation);
    if (scale == null) {
      throw new UnknownFoundationException(foundation, names());
    }
    return foundationTime.dividedBy(scale);
  }
}
