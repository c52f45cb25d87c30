package io.pksorchestrator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PKS API models and endpoints of ../shared/reference/pks-api-models.md §1, encoded once in
 * {@code contract/pks-api-models.json}, and a checker: a JSON value conforms to a type when it has the type's
 * shape, every required field is present and not null, enums, bounds and patterns hold, and it has NO field the
 * model does not define.
 */
final class PksContract {

  /** One endpoint of §1.2: request and response type. */
  record Endpoint(String method, String path, Pattern pattern, String request, String response, String source) {}

  private static final PksContract INSTANCE = load();

  private final JsonNode models;
  private final List<Endpoint> endpoints = new ArrayList<>();

  private PksContract(JsonNode root) {
    this.models = root.get("models");
    for (JsonNode e : root.get("endpoints")) {
      String path = e.get("path").asText();
      endpoints.add(new Endpoint(e.get("method").asText(), path,
          Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")), e.get("request").asText(),
          e.get("response").asText(), e.get("source").asText()));
    }
  }

  static PksContract get() {
    return INSTANCE;
  }

  private static PksContract load() {
    try (InputStream in = PksContract.class.getResourceAsStream("/contract/pks-api-models.json")) {
      return new PksContract(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Endpoint> endpoints() {
    return endpoints;
  }

  /** The endpoint of a call; {@code path} is below {@code /v1} (e.g. {@code /v1/clusters/x}), without query. */
  Optional<Endpoint> endpoint(String method, String path) {
    return endpoints.stream().filter(e -> e.method().equalsIgnoreCase(method) && e.pattern().matcher(path).matches())
        .findFirst();
  }

  /** Violations of {@code value} against a type ({@code Cluster}, {@code list[Plan]}, {@code none}, ...). */
  List<String> violations(String type, JsonNode value, String where) {
    List<String> out = new ArrayList<>();
    check(type, value, where, out);
    return out;
  }

  /** Violations of a raw body (text) against a type; {@code none} accepts an empty body or {@code {}}. */
  List<String> bodyViolations(String type, String body, String where) {
    if (body == null || body.isBlank()) {
      return type.equals("none") ? List.of() : List.of(where + ": empty body, expected " + type);
    }
    try {
      return violations(type, new ObjectMapper().readTree(body), where);
    } catch (IOException e) {
      return List.of(where + ": not JSON (" + e.getMessage() + ")");
    }
  }

  private void check(String type, JsonNode value, String where, List<String> out) {
    if (type.startsWith("list[")) {
      if (!value.isArray()) {
        out.add(where + ": expected " + type + ", got " + value);
        return;
      }
      String element = type.substring(5, type.length() - 1);
      for (int i = 0; i < value.size(); i++) {
        check(element, value.get(i), where + "[" + i + "]", out);
      }
      return;
    }
    switch (type) {
      case "str" -> expect(value.isTextual(), type, value, where, out);
      case "int" -> expect(value.isIntegralNumber(), type, value, where, out);
      case "float" -> expect(value.isNumber(), type, value, where, out);
      case "bool" -> expect(value.isBoolean(), type, value, where, out);
      case "object" -> expect(value.isObject(), type, value, where, out);
      default -> model(type, value, where, out);
    }
  }

  private void model(String name, JsonNode value, String where, List<String> out) {
    JsonNode model = models.get(name);
    if (model == null) {
      throw new IllegalArgumentException("No model " + name + " in contract/pks-api-models.json");
    }
    if (!value.isObject()) {
      out.add(where + ": expected " + name + " (" + model.get("section").asText() + "), got " + value);
      return;
    }
    JsonNode fields = model.get("fields");
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!fields.has(field)) {
        out.add(where + "." + field + ": not a field of " + name + " (" + model.get("section").asText() + ")");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode spec = f.getValue();
      JsonNode v = value.get(f.getKey());
      String at = where + "." + f.getKey();
      if (v == null || v.isNull()) {
        if (spec.path("required").asBoolean(false)) {
          out.add(at + ": required by " + name + " (" + model.get("section").asText() + ")");
        }
        continue;
      }
      check(spec.get("type").asText(), v, at, out);
      if (spec.has("enum") && v.isTextual()) {
        List<String> allowed = new ArrayList<>();
        spec.get("enum").forEach(e -> allowed.add(e.asText()));
        if (!allowed.contains(v.asText())) {
          out.add(at + ": '" + v.asText() + "' is not one of " + allowed);
        }
      }
      if (spec.has("minimum") && v.isNumber() && v.asDouble() < spec.get("minimum").asDouble()) {
        out.add(at + ": " + v + " is below " + spec.get("minimum"));
      }
      if (spec.has("maxLength") && v.isTextual() && v.asText().length() > spec.get("maxLength").asInt()) {
        out.add(at + ": longer than " + spec.get("maxLength") + " characters");
      }
      if (spec.has("minLength") && v.isTextual() && v.asText().length() < spec.get("minLength").asInt()) {
        out.add(at + ": shorter than " + spec.get("minLength") + " characters");
      }
      if (spec.has("pattern") && v.isTextual() && !Pattern.matches(spec.get("pattern").asText(), v.asText())) {
        out.add(at + ": '" + v.asText() + "' does not match " + spec.get("pattern").asText());
      }
    }
  }

  private static void expect(boolean ok, String type, JsonNode value, String where, List<String> out) {
    if (!ok) {
      out.add(where + ": expected " + type + ", got " + value);
    }
  }
}
