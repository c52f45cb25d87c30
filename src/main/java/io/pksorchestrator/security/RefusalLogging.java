package io.pksorchestrator.security;

import org.springframework.stereotype.Component;

/**
 * Installs {@link ExpectedRefusalLogFilter} when the application starts, after Spring Boot has set up logging (which
 * would otherwise clear it).
 */
@Component
class RefusalLogging {

  RefusalLogging() {
    ExpectedRefusalLogFilter.install();
  }
}
