package io.pksorchestrator.ticketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.pksorchestrator.platform.FoundationException;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error handler of the REST API {@code /api/v1} (and of every other Spring MVC endpoint of the
 * application): every failure is an RFC 9457 {@code application/problem+json} answer with {@code type},
 * {@code title}, {@code status} and {@code detail}, and for field problems {@code errors} naming each field. Spring's
 * own failures (415, 405, 406, 404 of an unknown path, a query parameter of the wrong type) get the same shape;
 * no detail carries a library's internals (Jackson's coercion hints, a Java number parser's message, a stack trace).
 * Controllers outside this package throw Spring's {@link org.springframework.web.ErrorResponseException} with a
 * {@link ProblemDetail}; it is answered here like the rest.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  static final String TYPE_BASE = "https://pks-orchestrator.io/problems/";

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<Object> apiProblem(ApiProblem e) {
    return problem(e.status(), e.title(), e.getMessage(), e.errors());
  }

  /** 409 with the holding operation: its id, what it does, since when, and where to follow it. */
  @ExceptionHandler(ClusterBusyProblem.class)
  ResponseEntity<Object> clusterBusy(ClusterBusyProblem e) {
    ResponseEntity<Object> answer = problem(e.status(), e.title(), e.getMessage(), e.errors());
    var lease = e.lease();
    Map<String, Object> heldBy = new LinkedHashMap<>();
    heldBy.put("operationId", lease.holderId());
    heldBy.put("operation", lease.operation());
    heldBy.put("businessKey", lease.businessKey());
    heldBy.put("foundation", lease.foundation());
    heldBy.put("cluster", lease.cluster());
    heldBy.put("since", String.valueOf(lease.acquiredAt()));
    heldBy.put("self", OperationLinks.operation(lease.holderId()));
    heldBy.put("cockpit", OperationLinks.cockpit(lease.holderId()));
    ((ProblemDetail) answer.getBody()).setProperty("heldBy", heldBy);
    return answer;
  }

  @ExceptionHandler(BodySizeLimitFilter.BodyTooLargeException.class)
  ResponseEntity<Object> tooLarge(BodySizeLimitFilter.BodyTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", e.getMessage(), List.of());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> engineAuthorization(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
  }

  @ExceptionHandler(FoundationException.class)
  ResponseEntity<Object> foundationDown(FoundationException e) {
    LOG.warn("Foundation call failed while checking a ticketing request: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Foundation not reachable",
        "Could not check the request against the foundation: " + e.getMessage() + " Try again later.", List.of());
  }

  /** Anything else: 500 with a reference to the log line, never the exception's text. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    String reference = UUID.randomUUID().toString();
    LOG.error("PKSO-API500 Unexpected failure {} of an API request", reference, e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request failed unexpectedly; nothing"
        + " more is known to the client. Quote reference " + reference + " to the operators (it is in the log).",
        List.of());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
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
      String expected = expected(mapping);
      return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Field '" + field + "' has the wrong type: expected "
          + expected + ".", List.of(new ApiProblem.FieldError(field, "has the wrong type: expected " + expected)));
    }
    String detail = e.getCause() instanceof JsonProcessingException json
        ? "Malformed JSON: " + withoutSource(json.getOriginalMessage()) + " (line " + lineOf(json) + ")"
        : "The request body is missing or not readable JSON.";
    return problem(HttpStatus.BAD_REQUEST, "Malformed request body", detail, List.of());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
        "Send the body as application/json.", List.of());
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    String expected = describe(e.getRequiredType());
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Parameter '" + name + "' must be " + expected
        + ".", List.of(new ApiProblem.FieldError(name, "must be " + expected)));
  }

  /** Every other Spring MVC failure, and {@code ErrorResponseException}s of controllers: one shape. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = body instanceof ProblemDetail p ? p
        : e instanceof ErrorResponse r ? r.getBody() : ProblemDetail.forStatus(status);
    HttpStatus known = HttpStatus.resolve(status.value());
    if (problem.getTitle() == null) {
      problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
    }
    if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
      problem.setType(URI.create(TYPE_BASE + status.value()));
    }
    if (problem.getDetail() == null) {
      problem.setDetail(problem.getTitle() + ".");
    }
    problem.setInstance(null);
    HttpHeaders answerHeaders = new HttpHeaders();
    if (headers != null) {
      answerHeaders.putAll(headers);
    }
    answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(status).headers(answerHeaders).body(problem);
  }

  static ResponseEntity<Object> problem(
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

  /** What the field should have held, in the API's words (never Jackson's message). */
  private static String expected(JsonMappingException e) {
    return e instanceof MismatchedInputException m ? describe(m.getTargetType()) : "the documented type";
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "the documented type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    return "a JSON object";
  }

  /** Jackson's parser message without where it read from ({@code [Source: ...]}, a feature's name). */
  static String withoutSource(String message) {
    if (message == null) {
      return "unreadable";
    }
    return message.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
        .replaceAll("\\s*\\[Source:.*?\\]", "").replaceAll("\\s*\\n.*", "").trim();
  }

  private static String lineOf(JsonProcessingException e) {
    return e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
