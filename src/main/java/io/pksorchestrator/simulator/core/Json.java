package io.pksorchestrator.simulator.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds ordered JSON objects without a DTO class per response: field order follows the reference examples. */
public final class Json {

  private Json() {}

  /** An ordered map from alternating keys and values; values may be null (serialised as JSON null). */
  public static Map<String, Object> obj(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Json.obj needs key/value pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
