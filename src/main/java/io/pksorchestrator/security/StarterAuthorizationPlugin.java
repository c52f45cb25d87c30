package io.pksorchestrator.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs {@link StarterAuthorizationProvider} and turns on per-instance history permissions it relies on. */
@Component
public class StarterAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new StarterAuthorizationProvider());
    configuration.setEnableHistoricInstancePermissions(true);
  }
}
