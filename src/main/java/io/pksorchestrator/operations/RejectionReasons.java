package io.pksorchestrator.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * {@link OperationVariables#REJECTION_REASONS} has one type in every process: a JSON list of messages (Spin
 * {@code Json}), so Cockpit, the history API and {@code /api/v1} show the same list whichever process rejected the
 * request. {@link #read} also accepts what older instances stored (one reason per line, or a Java list).
 */
public final class RejectionReasons {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RejectionReasons() {}

  /** Stores the reasons (an empty list when there are none) as a JSON list of strings. */
  public static void write(VariableScope scope, List<String> reasons) {
    try {
      scope.setVariable(OperationVariables.REJECTION_REASONS,
          SpinValues.jsonValue(JSON.writeValueAsString(List.copyOf(reasons))).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write rejection reasons as JSON", e);
    }
  }

  /** The messages of a stored value: a JSON list, a Java collection, or (older instances) one reason per line. */
  public static List<String> read(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    String text = value.toString().trim();
    if (text.startsWith("[")) {
      try {
        JsonNode node = JSON.readTree(text);
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        return List.copyOf(out);
      } catch (JsonProcessingException e) {
        // not JSON after all: fall through to the line form
      }
    }
    return text.isEmpty() ? List.of() : List.of(text.split("\\s*\\R\\s*"));
  }
}
