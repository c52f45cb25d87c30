package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.OperationContract;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.RequestViolation;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The ticketing API's contract of {@code StemcellUpgradeProcess}: the rules its pre-checks apply that need no Ops
 * Manager or BOSH call (the stemcell source policy, canaries among the selected clusters, the window, every named
 * cluster known to PKS, {@code maxInFlight} within the tile's Worker VM Max in Flight), and the start variables.
 */
@Component
public class StemcellUpgradeContract implements OperationContract<StemcellUpgradeApiRequest> {

  private final PksGateway pks;
  private final Foundations foundations;
  private final StemcellSource stemcellSources;
  private final UpgradeProperties properties;
  private final Clock clock;

  public StemcellUpgradeContract(PksGateway pks, Foundations foundations, StemcellSource stemcellSources,
      UpgradeProperties properties, Clock clock) {
    this.pks = pks;
    this.foundations = foundations;
    this.stemcellSources = stemcellSources;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String processKey() {
    return StemcellUpgradeProcess.KEY;
  }

  @Override
  public List<RequestViolation> fieldRules(StemcellUpgradeApiRequest request) {
    List<RequestViolation> violations = new ArrayList<>();
    checkWindow(request, violations);
    checkSource(request, violations);
    if (!request.selectsAll() && request.canaries() != null) {
      violations.addAll(UpgradeRequestRules.canariesAmongSelected(Set.copyOf(request.clusters()),
          request.canaries()));
    }
    return violations;
  }

  @Override
  public List<RequestViolation> foundationRules(StemcellUpgradeApiRequest request) {
    if (!foundations.isConfigured(request.foundation())) {
      return List.of(RequestViolation.unprocessable("foundation", "'" + request.foundation()
          + "' is not a configured foundation; configured: " + foundations.names().stream().sorted().toList()));
    }
    List<RequestViolation> violations = new ArrayList<>();
    UpgradeRequestRules.maxInFlight(request.maxInFlight(), properties.getWorkerMaxInFlight())
        .ifPresent(violations::add);
    Set<String> existing = pks.clusters(request.foundation()).stream().map(PksCluster::name)
        .collect(Collectors.toSet());
    List<String> clusters = request.clusters() == null ? List.of() : request.clusters();
    for (int i = 0; i < clusters.size(); i++) {
      if (!clusters.get(i).equals("all") && !existing.contains(clusters.get(i))) {
        violations.add(unknownCluster("clusters[" + i + "]", clusters.get(i), request.foundation()));
      }
    }
    List<String> canaries = request.canaries() == null ? List.of() : request.canaries();
    for (int i = 0; i < canaries.size(); i++) {
      if (!existing.contains(canaries.get(i))) {
        violations.add(unknownCluster("canaries[" + i + "]", canaries.get(i), request.foundation()));
      }
    }
    return violations;
  }

  @Override
  public String businessKey(StemcellUpgradeApiRequest request) {
    return request.ticketId() != null ? request.ticketId()
        : request.foundation() + "/stemcell-" + request.stemcellVersion();
  }

  @Override
  public Map<String, Object> startVariables(StemcellUpgradeApiRequest request, String requestedBy) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(OperationVariables.FOUNDATION, request.foundation());
    vars.put(OperationVariables.REQUESTED_BY, requestedBy);
    if (request.ticketId() != null) {
      vars.put(OperationVariables.TICKET_ID, request.ticketId());
    }
    vars.put(Variables.STEMCELL_VERSION, request.stemcellVersion());
    vars.put(Variables.STEMCELL_OS, request.stemcellOs());
    vars.put(Variables.STEMCELL_SOURCE, request.stemcellSource());
    vars.put(Variables.CLUSTERS, request.clustersValue());
    if (request.canaries() != null && !request.canaries().isEmpty()) {
      vars.put(Variables.CANARIES, String.join(",", request.canaries()));
    }
    vars.put(Variables.MAX_IN_FLIGHT, request.maxInFlight() == null ? 1 : request.maxInFlight());
    if (request.maintenanceWindowStart() != null) {
      vars.put(Variables.WINDOW_START, request.maintenanceWindowStart());
      vars.put(Variables.WINDOW_END, request.maintenanceWindowEnd());
    }
    return vars;
  }

  /**
   * The clusters the upgrade would lease: the named ones and the canaries; null (every cluster) for {@code all},
   * also when {@code clusters} is absent.
   */
  @Override
  public List<String> leaseClusters(StemcellUpgradeApiRequest request) {
    if (request.selectsAll()) {
      return null;
    }
    Set<String> clusters = new TreeSet<>(request.clusters());
    if (request.canaries() != null) {
      clusters.addAll(request.canaries());
    }
    return List.copyOf(clusters);
  }

  private static RequestViolation unknownCluster(String field, String name, String foundation) {
    return RequestViolation.unprocessable(field, "'" + name + "' is not a cluster of foundation '" + foundation + "'");
  }

  /** The rule the process applies again before it reads anything (stemcell source policy, docs/security.md). */
  private void checkSource(StemcellUpgradeApiRequest request, List<RequestViolation> violations) {
    String source = request.stemcellSource();
    if (source == null || source.isBlank() || source.length() > 2000) {
      return; // @NotBlank / @Size report these
    }
    try {
      stemcellSources.resolve(source);
    } catch (StemcellSourceRejectedException e) {
      violations.add(RequestViolation.invalid("stemcellSource", e.getMessage()));
    }
  }

  private void checkWindow(StemcellUpgradeApiRequest request, List<RequestViolation> violations) {
    OffsetDateTime start = parse("maintenanceWindowStart", request.maintenanceWindowStart(), violations);
    OffsetDateTime end = parse("maintenanceWindowEnd", request.maintenanceWindowEnd(), violations);
    if ((request.maintenanceWindowStart() == null) != (request.maintenanceWindowEnd() == null)) {
      violations.add(RequestViolation.invalid(request.maintenanceWindowStart() == null ? "maintenanceWindowStart"
          : "maintenanceWindowEnd", "is required when the other end of the maintenance window is given"));
    }
    if (start != null && end != null && !end.isAfter(start)) {
      violations.add(RequestViolation.invalid("maintenanceWindowEnd", "must be after maintenanceWindowStart"));
    }
    if (end != null && !end.toInstant().isAfter(clock.instant())) {
      violations.add(RequestViolation.invalid("maintenanceWindowEnd", "must be in the future"));
    }
  }

  private static OffsetDateTime parse(String field, String value, List<RequestViolation> violations) {
    if (value == null || value.length() > 40) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      violations.add(RequestViolation.invalid(field,
          "must be an ISO-8601 date-time with offset, e.g. 2026-12-05T22:00:00Z"));
      return null;
    }
  }
}
