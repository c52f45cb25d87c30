package io.pksorchestrator.ticketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.pksorchestrator.platform.FoundationException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every failure of the ticketing API into an RFC 7807 {@code application/problem+json} answer. */
@RestControllerAdvice(basePackageClasses = ProblemHandler.class)
public class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  static final String TYPE_BASE = "https://pks-orchestrator.io/problems/";

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
    return problem(e.status(), e.title(), e.getMessage(), e.errors());
  }

  /** 409 with the holding operation: its id, what it does, since when, and where to follow it. */
  @ExceptionHandler(ClusterBusyProblem.class)
  ResponseEntity<ProblemDetail> clusterBusy(ClusterBusyProblem e) {
    ResponseEntity<ProblemDetail> answer = problem(e.status(), e.title(), e.getMessage(), e.errors());
    var lease = e.lease();
    java.util.Map<String, Object> heldBy = new java.util.LinkedHashMap<>();
    heldBy.put("operationId", lease.holderId());
    heldBy.put("operation", lease.operation());
    heldBy.put("businessKey", lease.businessKey());
    heldBy.put("foundation", lease.foundation());
    heldBy.put("cluster", lease.cluster());
    heldBy.put("since", String.valueOf(lease.acquiredAt()));
    heldBy.put("self", OperationLinks.operation(lease.holderId()));
    heldBy.put("cockpit", OperationLinks.cockpit(lease.holderId()));
    answer.getBody().setProperty("heldBy", heldBy);
    return answer;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
    if (root instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
      return tooLarge(tooLarge);
    }
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Unknown field '" + field
              + "': remove it (known fields: " + unknown.getKnownPropertyIds() + ").",
          List.of(new ApiProblem.FieldError(field, "is not a known field")));
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Field '" + field + "' has the wrong type: "
          + mapping.getOriginalMessage(), List.of(new ApiProblem.FieldError(field, "has the wrong type")));
    }
    String detail = e.getCause() instanceof JsonProcessingException json
        ? "Malformed JSON: " + json.getOriginalMessage() + " (line " + lineOf(json) + ")"
        : "The request body is missing or not readable JSON.";
    return problem(HttpStatus.BAD_REQUEST, "Malformed request body", detail, List.of());
  }

  @ExceptionHandler(BodySizeLimitFilter.BodyTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(BodySizeLimitFilter.BodyTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", e.getMessage(), List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
        "Send the body as application/json.", List.of());
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ProblemDetail> header(MissingRequestHeaderException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), List.of());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> engineAuthorization(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
  }

  @ExceptionHandler(FoundationException.class)
  ResponseEntity<ProblemDetail> foundationDown(FoundationException e) {
    LOG.warn("Foundation call failed while checking a ticketing request: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Foundation not reachable",
        "Could not check the request against the foundation: " + e.getMessage() + " Try again later.", List.of());
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail, List<ApiProblem.FieldError> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    body.setType(URI.create(TYPE_BASE + status.value()));
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String lineOf(JsonProcessingException e) {
    return e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
