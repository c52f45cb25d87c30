package io.pksorchestrator.ticketing;

import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import io.pksorchestrator.ticketing.ApiProblem.FieldError;
import io.pksorchestrator.upgrade.StemcellSource;
import io.pksorchestrator.upgrade.StemcellSourceRejectedException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Validates ticketing requests in two steps: every field rule at once (400), then what the foundation must have:
 * the foundation, the plan, the clusters (422). Nothing is started for a request that fails either step.
 */
@Component
public class RequestValidator {

  private final Validator validator;
  private final Foundations foundations;
  private final PksGateway pks;
  private final Clock clock;
  private final StemcellSource stemcellSources;

  @Autowired
  public RequestValidator(Validator validator, Foundations foundations, PksGateway pks,
      StemcellSource stemcellSources) {
    this(validator, foundations, pks, stemcellSources, Clock.systemUTC());
  }

  RequestValidator(Validator validator, Foundations foundations, PksGateway pks, StemcellSource stemcellSources,
      Clock clock) {
    this.stemcellSources = stemcellSources;
    this.validator = validator;
    this.foundations = foundations;
    this.pks = pks;
    this.clock = clock;
  }

  /** Field rules; throws a 400 problem listing every violation. */
  public void validateFields(TicketingRequest request) {
    if (request == null) {
      throw ApiProblem.invalid(List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    validator.validate(request).forEach(v -> errors.add(new FieldError(
        v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage())));
    if (request instanceof StemcellUpgradeRequest upgrade) {
      checkWindow(upgrade, errors);
      checkSource(upgrade, errors);
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field));
      throw ApiProblem.invalid(errors);
    }
  }

  /** The cluster request against its foundation: foundation, plan and worker limit (422). */
  public void checkCluster(ClusterRequest request) {
    requireFoundation(request.foundation());
    List<PksPlan> plans = pks.plans(request.foundation());
    PksPlan plan = plans.stream().filter(p -> p.name().equals(request.planName())).findFirst()
        .orElseThrow(() -> ApiProblem.unprocessable(List.of(new FieldError("planName", "'" + request.planName()
            + "' is not a plan of foundation '" + request.foundation() + "'; plans: "
            + plans.stream().map(PksPlan::name).toList()))));
    Integer workers = request.workerCount();
    if (workers != null && plan.maxWorkerInstances() != null && workers > plan.maxWorkerInstances()) {
      throw ApiProblem.unprocessable(List.of(new FieldError("workerCount", workers + " exceeds the maximum of "
          + plan.maxWorkerInstances() + " workers of plan '" + plan.name() + "'")));
    }
  }

  /** The resize request against its foundation; returns the cluster's current worker count (422 if unknown). */
  public int checkResize(ResizeRequest request) {
    requireFoundation(request.foundation());
    PksCluster cluster = pks.cluster(request.foundation(), request.clusterName())
        .orElseThrow(() -> ApiProblem.unprocessable(List.of(new FieldError("clusterName", "'"
            + request.clusterName() + "' is not a cluster of foundation '" + request.foundation() + "'"))));
    int current = cluster.workerInstances() == null ? 0 : cluster.workerInstances();
    if (current == request.proposedWorkers()) {
      throw ApiProblem.unprocessable(List.of(new FieldError("proposedWorkers", "equals the current worker count "
          + current + " of cluster '" + request.clusterName() + "': nothing to resize")));
    }
    return current;
  }

  /** The upgrade request against its foundation: every named cluster and canary must exist (422). */
  public void checkUpgrade(StemcellUpgradeRequest request) {
    requireFoundation(request.foundation());
    Set<String> existing = pks.clusters(request.foundation()).stream().map(PksCluster::name)
        .collect(Collectors.toSet());
    List<FieldError> errors = new ArrayList<>();
    List<String> clusters = request.clusters() == null ? List.of() : request.clusters();
    for (int i = 0; i < clusters.size(); i++) {
      if (!clusters.get(i).equals("all") && !existing.contains(clusters.get(i))) {
        errors.add(new FieldError("clusters[" + i + "]", "'" + clusters.get(i) + "' is not a cluster of foundation '"
            + request.foundation() + "'"));
      }
    }
    List<String> canaries = request.canaries() == null ? List.of() : request.canaries();
    for (int i = 0; i < canaries.size(); i++) {
      if (!existing.contains(canaries.get(i))) {
        errors.add(new FieldError("canaries[" + i + "]", "'" + canaries.get(i) + "' is not a cluster of foundation '"
            + request.foundation() + "'"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(errors);
    }
  }

  private void requireFoundation(String foundation) {
    if (!foundations.isConfigured(foundation)) {
      throw ApiProblem.unprocessable(List.of(new FieldError("foundation", "'" + foundation
          + "' is not a configured foundation; configured: " + foundations.names())));
    }
  }

  /** The same rule the process applies again before it reads anything (issue 11 item 2). */
  private void checkSource(StemcellUpgradeRequest request, List<FieldError> errors) {
    String source = request.stemcellSource();
    if (source == null || source.isBlank() || source.length() > 2000) {
      return; // @NotBlank / @Size report these
    }
    try {
      stemcellSources.resolve(source);
    } catch (StemcellSourceRejectedException e) {
      errors.add(new FieldError("stemcellSource", e.getMessage()));
    }
  }

  private void checkWindow(StemcellUpgradeRequest request, List<FieldError> errors) {
    OffsetDateTime start = parse("maintenanceWindowStart", request.maintenanceWindowStart(), errors);
    OffsetDateTime end = parse("maintenanceWindowEnd", request.maintenanceWindowEnd(), errors);
    if ((request.maintenanceWindowStart() == null) != (request.maintenanceWindowEnd() == null)) {
      errors.add(new FieldError(request.maintenanceWindowStart() == null ? "maintenanceWindowStart"
          : "maintenanceWindowEnd", "is required when the other end of the maintenance window is given"));
    }
    if (start != null && end != null && !end.isAfter(start)) {
      errors.add(new FieldError("maintenanceWindowEnd", "must be after maintenanceWindowStart"));
    }
    if (end != null && !end.toInstant().isAfter(clock.instant())) {
      errors.add(new FieldError("maintenanceWindowEnd", "must be in the future"));
    }
  }

  private static OffsetDateTime parse(String field, String value, List<FieldError> errors) {
    if (value == null || value.length() > 40) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be an ISO-8601 date-time with offset, e.g. 2026-12-05T22:00:00Z"));
      return null;
    }
  }
}
