package io.pksorchestrator.ticketing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow operations. Operators, leads and admins see all; a ticketing client sees the operations it requested
 * (others answer 404, so ids of other clients' operations are not confirmed).
 */
@RestController
@RequestMapping(path = "/api/v1/operations",
    produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Operations", description = "State of requested operations")
public class OperationsController {

  private final OperationViews views;
  private final TicketingAccess access;

  public OperationsController(OperationViews views, TicketingAccess access) {
    this.views = views;
    this.access = access;
  }

  @GetMapping("/{id}")
  @Operation(summary = "One operation, running or ended",
      description = "State, current step, pending approvals with Tasklist links, outcome, Cockpit link and the"
          + " delivery state of its callbacks.")
  public OperationView operation(@PathVariable String id) {
    TicketingAccess.Caller caller = access.caller();
    return access.asSystem(() -> views.find(id))
        .filter(view -> caller.seesAll() || caller.userId().equals(view.requestedBy()))
        .orElseThrow(() -> ApiProblem.notFound("No operation with id '" + id + "' that you may see."));
  }

  @GetMapping
  @Operation(summary = "Operations by state", description = "state=running (default) or ended; newest first.")
  public List<OperationView> operations(
      @Parameter(description = "running or ended") @RequestParam(defaultValue = "running") String state,
      @Parameter(description = "at most this many (1-500)") @RequestParam(defaultValue = "100") int limit) {
    TicketingAccess.Caller caller = access.caller();
    if (!state.equals("running") && !state.equals("ended")) {
      throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("state", "must be running or ended")));
    }
    if (limit < 1 || limit > 500) {
      throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("limit", "must be between 1 and 500")));
    }
    return access.asSystem(() -> views.list(state.equals("running"), limit)).stream()
        .filter(view -> caller.seesAll() || caller.userId().equals(view.requestedBy()))
        .toList();
  }
}
