package io.pksorchestrator.security;

import java.util.List;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.filter.FilterQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;

/**
 * The engine's filter manager with the expression rule: saving (creating or updating) a filter whose query holds an
 * expression is refused; every filter loaded from the database gets {@link ExpressionQueryGuard} as a validator of
 * its query, so running it (alone or extended by a caller's query, whose or-queries the engine merges in) is refused
 * before any expression is evaluated. Filters with expressions stay readable and deletable, so that an administrator
 * can clean them up.
 */
final class ExpressionFreeFilterManager extends FilterManager {

  private final ExpressionQueryGuard guard;

  ExpressionFreeFilterManager(ExpressionQueryGuard guard) {
    this.guard = guard;
  }

  @Override
  public Filter insertOrUpdateFilter(Filter filter) {
    guard.refuseExpressions(filter.getQuery(), "saving filter '" + Logs.safe(filter.getName()) + "'");
    return super.insertOrUpdateFilter(filter);
  }

  @Override
  public FilterEntity findFilterById(String filterId) {
    return guarded(super.findFilterById(filterId));
  }

  @Override
  public List<Filter> findFiltersByQueryCriteria(FilterQueryImpl filterQuery) {
    List<Filter> filters = super.findFiltersByQueryCriteria(filterQuery);
    filters.forEach(this::guarded);
    return filters;
  }

  private <F extends Filter> F guarded(F filter) {
    if (filter != null && filter.getQuery() instanceof AbstractQuery<?, ?> query) {
      query.addValidator(guard);
    }
    return filter;
  }

  /** Opens this manager wherever the engine asks for its {@link FilterManager}. */
  static final class Factory implements SessionFactory {

    private final ExpressionQueryGuard guard;

    Factory(ExpressionQueryGuard guard) {
      this.guard = guard;
    }

    @Override
    public Class<?> getSessionType() {
      return FilterManager.class;
    }

    @Override
    public Session openSession() {
      return new ExpressionFreeFilterManager(guard);
    }
  }
}
