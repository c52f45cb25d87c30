package io.pksorchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: the orchestrator application, or a command-line tool when the first argument names one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PksOrchestratorApplication {

  public static void main(String[] args) {
    if (args.length > 0 && "replay".equals(args[0])) {
      System.exit(io.pksorchestrator.forecast.replay.ReplayCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(PksOrchestratorApplication.class, args);
  }
}
