package io.pksorchestrator.forecast.model;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fitted model parameters per series key, so that a forecasting cycle refits a series only every so often instead
 * of every cycle. Thread-safe; bounded (cleared when it grows past its capacity, which only costs refits).
 */
public final class ParameterCache {

  /**
   * Parameters of one series, fitted at {@code fittedAt} (series time); a model whose part is {@code null} fits
   * afresh. Arrays are never mutated.
   */
  public record Entry(Instant fittedAt, int daySteps, double[] holtWinters, HarmonicRegressionModel.Fit harmonic) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final int capacity;

  public ParameterCache(int capacity) {
    this.capacity = capacity;
  }

  public Entry get(String key) {
    return key == null ? null : entries.get(key);
  }

  public void put(String key, Entry entry) {
    if (key == null) {
      return;
    }
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(key, entry);
  }
}
