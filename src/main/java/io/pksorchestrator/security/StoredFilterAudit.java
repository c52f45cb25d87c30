package io.pksorchestrator.security;

import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reports at start-up, after the product's own filters are brought up to date, every stored filter whose query still
 * holds an expression (saved by an older version or written into the database directly): the engine refuses to run
 * it, so an administrator should replace the expressions with literal values in Tasklist or delete the filter.
 */
@Component
public class StoredFilterAudit {

  private static final Logger LOG = LoggerFactory.getLogger(StoredFilterAudit.class);

  private final FilterService filterService;

  public StoredFilterAudit(FilterService filterService) {
    this.filterService = filterService;
  }

  /** Runs after every other start-up listener (the Tasklist filters are updated first). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void atStartup() {
    report();
  }

  /** Logs {@code PKSO-SEC005} per filter with expressions; returns how many there are. */
  public int report() {
    List<Filter> filters = filterService.createFilterQuery().list();
    int found = 0;
    for (Filter filter : filters) {
      List<String> fields = TaskQueryExpressions.find(filter.getQuery());
      if (!fields.isEmpty()) {
        found++;
        LOG.warn("PKSO-SEC005 Stored filter '{}' (id {}, owner '{}') holds expressions in {}: the engine refuses to"
            + " run it (CVE-2026-109432). Replace them with literal values in Tasklist or delete the filter.",
            Logs.safe(filter.getName()), filter.getId(), Logs.safe(filter.getOwner()), fields);
      }
    }
    LOG.info("PKSO-SEC006 Checked {} stored filters: {} hold expressions", filters.size(), found);
    return found;
  }
}
