package io.pksorchestrator.security;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * Finds the expression fields of a query, at the top level and in every {@code orQueries} entry. A
 * {@link TaskQueryImpl} keeps the expressions of each or-query in that or-query's own {@code expressions} map (the
 * list {@link TaskQueryImpl#getQueries()} holds the query itself first, then the or-queries); Camunda's own query
 * validators only ever look at the top-level map, which is the gap of CVE-2026-109432.
 */
final class TaskQueryExpressions {

  private TaskQueryExpressions() {}

  /**
   * The expression fields of the query, named as the Java API names them ({@code taskAssigneeExpression}), or-query
   * fields prefixed {@code orQueries[i].}; empty when the query holds none.
   */
  static List<String> find(Query<?, ?> query) {
    if (!(query instanceof AbstractQuery<?, ?> top)) {
      return List.of();
    }
    List<String> fields = new ArrayList<>();
    names(top, "", fields);
    if (top instanceof TaskQueryImpl task && task.getQueries() != null) {
      int index = 0;
      for (TaskQueryImpl or : task.getQueries()) {
        if (or != top) {
          names(or, "orQueries[" + index++ + "].", fields);
        }
      }
    }
    return fields;
  }

  private static void names(AbstractQuery<?, ?> query, String prefix, List<String> into) {
    if (query.getExpressions() != null) {
      for (String key : new TreeSet<>(query.getExpressions().keySet())) {
        into.add(prefix + key + "Expression");
      }
    }
  }
}
