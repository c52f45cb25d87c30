package io.pksorchestrator.ticketing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Reads {@link TicketingRequest} bodies with unknown fields and scalar coercions rejected, so that a typo in a
 * ticketing system's payload ({@code "workers"} for {@code "workerCount"}) is an error instead of silently ignored.
 * Only reads these types; everything else goes to Spring's default converter.
 */
public class StrictJsonMessageConverter extends MappingJackson2HttpMessageConverter {

  public StrictJsonMessageConverter(ObjectMapper applicationMapper) {
    super(applicationMapper.copy()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS));
  }

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return TicketingRequest.class.isAssignableFrom(clazz) && super.canRead(clazz, mediaType);
  }

  @Override
  public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
    return type instanceof Class<?> c && TicketingRequest.class.isAssignableFrom(c)
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
}
