package io.pksorchestrator;

import org.camunda.bpm.engine.ProcessEngines;

/**
 * Keeps the process-test engine of {@code src/test/resources/camunda.cfg.xml} out of full-application tests: the
 * REST API and the webapps look the engine up in {@link ProcessEngines}, whose lazy {@code init()} would otherwise
 * build a second in-memory engine named "default" from that file and register it over the Spring engine.
 */
public final class EngineRegistryGuard extends ProcessEngines {

  private EngineRegistryGuard() {}

  /** Marks the registry as initialized, so that it never scans for {@code camunda.cfg.xml}. */
  public static synchronized void skipConfigFileScan() {
    isInitialized = true;
  }
}
