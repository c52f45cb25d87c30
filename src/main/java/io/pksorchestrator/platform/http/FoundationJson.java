package io.pksorchestrator.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * JSON conventions of the foundation APIs: snake_case fields, unknown fields ignored (the APIs grow fields with
 * every release), nulls omitted from request bodies.
 */
public final class FoundationJson {

  private FoundationJson() {}

  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addModule(new JavaTimeModule())
        .build();
  }

  /** JSON via Jackson; {@code String} results (logs, task output) are read as text. */
  static Decoder decoder(ObjectMapper mapper) {
    JacksonDecoder json = new JacksonDecoder(mapper);
    return (Response response, Type type) -> {
      if (type == String.class) {
        return response.body() == null ? "" : Util.toString(response.body().asReader(StandardCharsets.UTF_8));
      }
      return json.decode(response, type);
    };
  }

  /** For callers that must read a JSON document themselves (e.g. BOSH task results, one object per line). */
  public static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("Unreadable JSON (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
