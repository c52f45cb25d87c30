package io.pksorchestrator.platform.bosh;

import java.util.List;
import java.util.Optional;

/**
 * Domain operations on a foundation's BOSH Director. Credentials come from configuration or from Ops Manager's
 * {@code bosh_commandline_credentials}; callers never see them. Nothing here retries.
 */
public interface BoshGateway {

  /** {@code GET /info} (unauthenticated). */
  BoshInfo info(String foundation);

  /** {@code GET /deployments}. */
  List<BoshDeployment> deployments(String foundation);

  /** The named deployment from {@code GET /deployments}; empty when absent. */
  Optional<BoshDeployment> deployment(String foundation, String name);

  /**
   * Instances with their {@code job_state}: {@code GET /deployments/{name}/instances?format=full} answers 302 to
   * a task; this follows it and reads the task's result. The wait for that short read-only task is bounded
   * (configured); if the task is not done by then a retryable exception lets the engine try again later.
   */
  List<BoshInstance> instanceDetails(String foundation, String deployment);

  /** {@code GET /tasks/{id}}. */
  BoshTask task(String foundation, long taskId);

  /** {@code DELETE /task/{id}} (singular path). */
  void cancelTask(String foundation, long taskId);

  /** {@code GET /stemcells}. */
  List<BoshStemcell> stemcells(String foundation);
}
