package io.pksorchestrator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the human-readable message from the error bodies of the four APIs: Ops Manager
 * {@code {"errors":{"errors":[..]}}} / {@code {"errors":[..]}}, BOSH {@code {"code","description"}}, UAA
 * {@code {"error","error_description"}}, PKS {@code {"body":".."}} or {@code {"description":".."}}.
 * Anything else (plain text, HTML) is returned as is, truncated.
 */
final class ErrorBodies {

  static final int MAX_BODY = 300;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ErrorBodies() {}

  static String detail(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode json = MAPPER.readTree(body);
      if (json != null && json.isObject()) {
        String found = fromJson(json);
        if (found != null && !found.isBlank()) {
          return truncate(found);
        }
      }
    } catch (Exception notJson) {
      // plain text or HTML: fall through
    }
    return truncate(body.strip());
  }

  private static String fromJson(JsonNode json) {
    if (json.has("errors")) {
      List<String> messages = new ArrayList<>();
      collect(json.get("errors"), messages);
      return String.join("; ", messages);
    }
    if (json.hasNonNull("error_description")) {
      return json.get("error_description").asText();
    }
    for (String field : List.of("description", "body", "message", "error")) {
      if (json.hasNonNull(field)) {
        JsonNode node = json.get(field);
        return node.isValueNode() ? node.asText() : node.toString();
      }
    }
    return null;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isValueNode()) {
      out.add(node.asText());
    } else {
      node.forEach(child -> collect(child, out));
    }
  }

  static String truncate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_BODY ? oneLine : oneLine.substring(0, MAX_BODY) + "...";
  }
}
