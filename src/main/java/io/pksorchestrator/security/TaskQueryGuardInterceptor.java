package io.pksorchestrator.security;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Engine command interceptor (first in the chain): every query that runs as a command (the Java API's
 * {@code list()}, {@code count()}, {@code listPage()}, {@code singleResult()}, hence every REST and webapp task
 * query) is checked by {@link ExpressionQueryGuard} before the engine opens a command context. A type check per
 * command and a look at a small map per query: no measurable cost.
 */
final class TaskQueryGuardInterceptor extends CommandInterceptor {

  private final ExpressionQueryGuard guard;

  TaskQueryGuardInterceptor(ExpressionQueryGuard guard) {
    this.guard = guard;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof AbstractQuery<?, ?> query) {
      guard.refuseExpressions(query, "an ad-hoc task query");
    }
    return next.execute(command);
  }
}
