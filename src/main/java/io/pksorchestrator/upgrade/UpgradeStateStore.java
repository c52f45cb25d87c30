package io.pksorchestrator.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/** Reads and writes JSON documents as Spin JSON variables (shown as JSON in Cockpit and over REST). */
public final class UpgradeStateStore {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private UpgradeStateStore() {}

  public static UpgradeState read(VariableScope scope) {
    Object raw = scope.getVariable(StemcellUpgradeProcess.Variables.UPGRADE_STATE);
    if (raw == null) {
      throw new IllegalStateException("Variable '" + StemcellUpgradeProcess.Variables.UPGRADE_STATE
          + "' is missing: the pre-checks did not run for this instance");
    }
    try {
      return MAPPER.readValue(raw.toString(), UpgradeState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Variable 'upgradeState' is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static void write(VariableScope scope, UpgradeState state) {
    writeJson(scope, StemcellUpgradeProcess.Variables.UPGRADE_STATE, state);
  }

  public static void writeJson(VariableScope scope, String name, Object value) {
    scope.setVariable(name, SpinValues.jsonValue(toJson(value)).create());
  }

  static String toJson(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }
}
