package io.pksorchestrator.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs {@link StarterAuthorizationProvider}, turns on the per-instance history permissions it relies on, and
 * allows dashes in group ids.
 */
@Component
public class StarterAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new StarterAuthorizationProvider());
    configuration.setEnableHistoricInstancePermissions(true);
    // Group ids with dashes (platform-operators, platform-leads); Camunda's default allows letters and digits
    // (plus camunda-admin) only.
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9-]*");
  }
}
