package io.pksorchestrator.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON variables (Spin {@code Json}, e.g. {@code upgradeReport}) come out of {@code /engine-rest} as the JSON they
 * hold. With {@code deserializeValues=true} (the REST API's default, e.g. {@code GET /history/variable-instance})
 * Camunda's own object mapper serialises the deserialised {@link SpinJsonNode} as a Java bean, which shows Jackson's
 * internals ({@code {"boolean":false,"nodeType":"ARRAY",...}}) instead of the report. This resolver is Camunda's
 * mapper ({@link JacksonConfigurator}: same date format, same features) plus one serializer for Spin's JSON nodes;
 * it takes precedence over Camunda's resolver by its priority. Nothing else of the REST API's JSON changes.
 */
@Configuration(proxyBeanMethods = false)
public class RestJsonVariables {

  @Bean
  ResourceConfigCustomizer spinJsonVariablesAsJson() {
    return config -> config.register(SpinJsonAwareObjectMapper.class);
  }

  /** Camunda REST's object mapper, writing Spin JSON nodes as their JSON. */
  @Provider
  @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
  @Priority(1)
  public static class SpinJsonAwareObjectMapper implements ContextResolver<ObjectMapper> {

    private static final SimpleModule SPIN_JSON = new SimpleModule("pkso-spin-json")
        .addSerializer(SpinJsonNode.class, new JsonSerializer<>() {
          @Override
          public void serialize(SpinJsonNode value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            Object node = value.unwrap();
            if (node instanceof JsonNode tree) {
              gen.writeTree(tree);
            } else {
              gen.writeRawValue(value.toString());
            }
          }
        });

    /** The mapper and the date format it was built with (Camunda's format is a static that start-up may set). */
    private record Configured(String dateFormat, ObjectMapper mapper) {}

    private volatile Configured configured;

    /**
     * One mapper for every request, built again only when Camunda's date format changes. Camunda's own resolver
     * builds a new mapper at every call, and the REST API calls it several times per request (each sub-resource,
     * reading the body, writing the answer), so each request paid for a new mapper and for Jackson looking at the
     * DTO classes again (docs/platform.md "Start throughput"). A shared mapper is safe: Jackson copies the date
     * format for every use.
     */
    @Override
    public ObjectMapper getContext(Class<?> type) {
      String format = JacksonConfigurator.dateFormatString;
      Configured current = configured;
      if (current == null || !java.util.Objects.equals(current.dateFormat(), format)) {
        current = new Configured(format, JacksonConfigurator.configureObjectMapper(new ObjectMapper())
            .registerModule(SPIN_JSON));
        configured = current;
      }
      return current.mapper();
    }
  }
}
