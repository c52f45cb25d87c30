package io.pksorchestrator.security;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.Validator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's decision on expressions in queries (CVE-2026-109432): a query that holds an expression anywhere
 * ({@link TaskQueryExpressions}) is refused with {@link BadUserRequestException} (HTTP 400 on the REST API) before
 * anything of it is evaluated, for every user and for the engine itself. Called by {@link TaskQueryGuardInterceptor}
 * for every query executed as a command (Java API, REST, webapps), by {@link ExpressionFreeFilterManager} when a
 * filter is saved, and, as a query {@link Validator} that the engine runs before evaluating expressions, for every
 * query that a stored filter produces.
 */
final class ExpressionQueryGuard implements Validator<AbstractQuery<?, ?>> {

  static final String MESSAGE = "Expressions (${...} or #{...}, any *Expression field) are not allowed in task queries"
      + " or filters, also not in orQueries (mitigation of CVE-2026-109432). Query with literal values instead, e.g."
      + " assignee=<user id> instead of assigneeExpression=${currentUser()}.";
  private static final Logger LOG = LoggerFactory.getLogger(ExpressionQueryGuard.class);

  private final ProcessEngineConfigurationImpl configuration;

  ExpressionQueryGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** Refuses the query if it holds an expression; {@code what} names it in the log ("ad-hoc query", ...). */
  void refuseExpressions(Query<?, ?> query, String what) {
    List<String> fields = TaskQueryExpressions.find(query);
    if (fields.isEmpty()) {
      return;
    }
    LOG.warn("PKSO-SEC003 Refused {} with expressions in {} (user '{}'); nothing of it was evaluated", what, fields,
        currentUser());
    throw new BadUserRequestException(MESSAGE + " Found: " + String.join(", ", fields) + ".");
  }

  /** Validator form for queries of stored filters; the engine calls it before it evaluates any expression. */
  @Override
  public void validate(AbstractQuery<?, ?> query) {
    refuseExpressions(query, "a stored filter's task query");
  }

  private String currentUser() {
    Authentication auth = configuration.getIdentityService() == null ? null
        : configuration.getIdentityService().getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? "(none: engine)" : Logs.safe(auth.getUserId());
  }
}
