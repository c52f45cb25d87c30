package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.core.SimException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Common ground of the simulator controllers: run each call against the foundation and turn refusals into the
 * component's own error JSON. Exception handlers live here rather than in a {@code @ControllerAdvice}, which
 * would be a component the application picks up for its own controllers.
 */
abstract class ControllerSupport {

  protected final SimulatedFoundation foundation;

  protected ControllerSupport(SimulatedFoundation foundation) {
    this.foundation = foundation;
  }

  protected <T> T call(Supplier<T> action) {
    return foundation.call(action);
  }

  @ExceptionHandler(SimException.class)
  ResponseEntity<Object> refused(SimException e) {
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(e.body());
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
      IllegalArgumentException.class})
  ResponseEntity<Object> badRequest(Exception e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", "bad_request", "description", String.valueOf(e.getMessage())));
  }
}
