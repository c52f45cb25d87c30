package io.pksorchestrator.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine settings for running several nodes on one database: the job executor is not deployment-aware (every node
 * has the same deployments and runs every job; each job is locked by one node at a time).
 */
@Component
public class ClusterSettingsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setJobExecutorDeploymentAware(false);
  }
}
