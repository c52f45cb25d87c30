package io.pksorchestrator.ticketing;

import io.pksorchestrator.platform.FoundationException;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The configured foundations with their plans, for the overview page and for ticketing forms. */
@RestController
@Tag(name = "Foundations")
public class FoundationsController {

  /** A foundation; {@code error} says why its plans could not be read. */
  public record FoundationView(String name, List<PksPlan> plans, String error) {}

  private final Foundations foundations;
  private final PksGateway pks;
  private final TicketingAccess access;

  public FoundationsController(Foundations foundations, PksGateway pks, TicketingAccess access) {
    this.foundations = foundations;
    this.pks = pks;
    this.access = access;
  }

  @GetMapping(path = "/api/v1/foundations", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Configured foundations and their plans")
  public List<FoundationView> foundations() {
    access.caller();
    return foundations.names().stream().sorted().map(name -> {
      try {
        return new FoundationView(name, pks.plans(name), null);
      } catch (FoundationException e) {
        return new FoundationView(name, List.of(), e.getMessage());
      }
    }).toList();
  }
}
