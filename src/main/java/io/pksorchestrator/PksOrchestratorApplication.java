package io.pksorchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: the orchestrator application, or a command-line tool when the first argument names one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PksOrchestratorApplication {

  public static void main(String[] args) {
    SpringApplication.run(PksOrchestratorApplication.class, args);
  }
}
