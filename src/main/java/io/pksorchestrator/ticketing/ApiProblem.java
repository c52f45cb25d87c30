package io.pksorchestrator.ticketing;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the ticketing API answers with an RFC 7807 problem body. {@code errors} names each offending field.
 */
public class ApiProblem extends RuntimeException {

  /** One offending field and what is wrong with it. */
  public record FieldError(String field, String message) {}

  private final HttpStatus status;
  private final String title;
  private final List<FieldError> errors;

  public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** 400: the request is malformed or breaks a field rule. */
  public static ApiProblem invalid(List<FieldError> errors) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
        errors.size() + " field(s) are invalid; correct every listed field and send the request again.", errors);
  }

  /**
   * 422: well-formed, but does not fit the foundation as it is (a plan or foundation it does not have, a name already
   * in use, a limit of the plan or the tile).
   */
  public static ApiProblem unprocessable(List<FieldError> errors) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Request does not fit the foundation",
        "The request is well-formed but cannot be carried out on the foundation as it is: "
            + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList())
            + " Nothing was started; correct the request and send it again.", errors);
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, null);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, null);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
