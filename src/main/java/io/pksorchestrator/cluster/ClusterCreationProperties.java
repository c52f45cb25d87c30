package io.pksorchestrator.cluster;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cluster creation process ({@code pkso.cluster-creation.*}); the defaults are the annotations below
 * (written once: docs/cluster-creation.md lists them, {@code ConfigurationDefaultsTest} checks both).
 *
 * @param approvalEscalation how long an approval may stay unanswered before {@code platform-leads} are added
 *     as candidates (wall time; also the task's due date)
 * @param approvalExpiry how long an approval may stay unanswered before the request ends "not approved in time"
 * @param pollInterval interval between status checks of a running creation or deletion, in foundation time
 *     (converted with the foundation's time scale)
 * @param minPollInterval lower bound of the wall-clock poll interval, so a fast simulated foundation is not
 *     hammered
 * @param creationDeadline how long a creation may run before an operator is asked, in foundation time
 * @param deletionDeadline how long deleting a failed cluster may run before an operator is asked again, in
 *     foundation time
 * @param registrationTimeout how long after a create or delete request PKS may still not show it (a 404, or the
 *     previous action) without that being judged, in foundation time
 */
@ConfigurationProperties("pkso.cluster-creation")
public record ClusterCreationProperties(
    @DefaultValue("PT4H") Duration approvalEscalation,
    @DefaultValue("P3D") Duration approvalExpiry,
    @DefaultValue("PT30S") Duration pollInterval,
    @DefaultValue("PT1S") Duration minPollInterval,
    @DefaultValue("PT45M") Duration creationDeadline,
    @DefaultValue("PT30M") Duration deletionDeadline,
    @DefaultValue("PT5M") Duration registrationTimeout) {

  /** The defaults (those of the annotations above: written once); for tests. */
  public static ClusterCreationProperties defaults() {
    return new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("pkso.cluster-creation", ClusterCreationProperties.class);
  }
}
