package io.pksorchestrator.ticketing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.pksorchestrator.operations.OperationRequest;
import io.pksorchestrator.operations.WholeNumbers;
import java.io.IOException;
import java.lang.reflect.Type;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Reads {@link OperationRequest} bodies strictly: unknown fields and scalar coercions are rejected, so that a typo
 * in a ticketing system's payload ({@code "workers"} for {@code "workerCount"}) is an error instead of silently
 * ignored, and a count must be a whole number ({@link WholeNumbers}: {@code 3} and {@code 3.0} are 3, {@code 3.5} is
 * refused instead of truncated). Only reads these types; everything else goes to Spring's default converter.
 */
public class StrictJsonMessageConverter extends MappingJackson2HttpMessageConverter {

  public StrictJsonMessageConverter(ObjectMapper applicationMapper) {
    super(applicationMapper.copy()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .registerModule(new SimpleModule("pkso-whole-numbers").addDeserializer(Integer.class, new WholeNumber())));
  }

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return OperationRequest.class.isAssignableFrom(clazz) && super.canRead(clazz, mediaType);
  }

  @Override
  public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
    return type instanceof Class<?> c && OperationRequest.class.isAssignableFrom(c)
        && super.canRead(type, contextClass, mediaType);
  }

  @Override
  public boolean canWrite(Class<?> clazz, MediaType mediaType) {
    return false;
  }

  @Override
  public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
    return false;
  }

  /** A JSON number that is a whole number; anything else fails with the field's type (Integer) named. */
  static final class WholeNumber extends StdScalarDeserializer<Integer> {

    WholeNumber() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        Integer whole = WholeNumbers.parse(p.getDecimalValue());
        if (whole != null && whole != WholeNumbers.NOT_WHOLE) {
          return whole;
        }
        return (Integer) ctxt.handleWeirdNumberValue(Integer.class, p.getNumberValue(), "not a whole number");
      }
      return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
    }
  }
}
