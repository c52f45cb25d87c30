package io.pksorchestrator.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * CVE-2026-109432 closed inside the engine (Camunda 7.24 CE checks only the top level of a task query, never its
 * {@code orQueries}): installs {@link TaskQueryGuardInterceptor} first in both command chains, replaces the filter
 * manager by {@link ExpressionFreeFilterManager}, and switches expressions off in ad-hoc and stored queries (so the
 * engine's own validators refuse top-level expressions too). Whatever the configuration says, both switches end up
 * off: they are set after every other plugin's {@code preInit}.
 */
@Component
public class QueryExpressionGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExpressionQueryGuard guard = new ExpressionQueryGuard(configuration);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        first(configuration.getCustomPreCommandInterceptorsTxRequired(), new TaskQueryGuardInterceptor(guard)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        first(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new TaskQueryGuardInterceptor(guard)));
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new ExpressionFreeFilterManager.Factory(guard));
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(false);
  }

  private static List<CommandInterceptor> first(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
    List<CommandInterceptor> all = new ArrayList<>();
    all.add(interceptor);
    if (existing != null) {
      all.addAll(existing);
    }
    return all;
  }
}
