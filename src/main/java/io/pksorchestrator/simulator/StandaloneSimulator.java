package io.pksorchestrator.simulator;

import io.pksorchestrator.simulator.web.SimulatorServer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code java -jar pks-orchestrator.jar simulator [--port 9090] [--speed 60] [--<setting>=<value> ...]}: the simulated
 * foundation on its own, without the orchestrator (no engine, no database), so that it outlives an orchestrator that
 * is stopped, killed or restarted. Same APIs and {@code /_sim} controls as the simulator inside the application; the
 * application reaches it through the lab foundation's URLs ({@code pkso.simulator.enabled=false} plus the
 * simulator's port and speed, see docs/simulator.md).
 *
 * <p>Every {@code pkso.simulator.*} setting can be given as {@code --<setting>=<value>} (e.g.
 * {@code --durations.update=2m}), as {@code --pkso.simulator.<setting>=<value>}, or as environment variable
 * ({@code PKSO_SIMULATOR_SPEED}); an unknown setting is refused.
 */
public final class StandaloneSimulator {

  static final String PREFIX = "pkso.simulator.";

  private StandaloneSimulator() {}

  /** Starts the simulator and returns its server; the JVM keeps running until it is stopped (SIGTERM, Ctrl-C). */
  public static SimulatorServer start(String[] args) {
    SimulatorProperties properties = properties(args);
    SimulatedFoundation foundation = SimulatedFoundation.start(properties);
    SimulatorServer server = SimulatorServer.start(foundation, properties.getPort());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "simulator-shutdown"));
    System.out.printf(Locale.ROOT, "PKSO-SIM003 Standalone simulated foundation '%s' serving on"
        + " http://localhost:%d/%s/ (speed %sx, simulated time %s); stop it with Ctrl-C or SIGTERM.%n",
        foundation.name(), server.port(), foundation.name(), properties.getSpeed(), foundation.now());
    return server;
  }

  /** The simulator's settings from the command line, then the environment, then the defaults. */
  static SimulatorProperties properties(String[] args) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("command line", parse(args)));
    try {
      return new Binder(ConfigurationPropertySources.get(env))
          .bind("pkso.simulator", Bindable.of(SimulatorProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
          .orElseGet(SimulatorProperties::new);
    } catch (BindException e) {
      throw new IllegalArgumentException("Invalid simulator setting: " + describe(e) + ". " + usage(), e);
    }
  }

  /** {@code --key=value} or {@code --key value}; a key without the {@code pkso.simulator.} prefix gets it. */
  static Map<String, Object> parse(String[] args) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        throw new IllegalArgumentException(usage());
      }
      if (!arg.startsWith("--") || arg.length() < 3) {
        throw new IllegalArgumentException("Unexpected argument '" + arg + "'. " + usage());
      }
      String key;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        key = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        key = arg.substring(2);
        value = args[++i];
      } else {
        throw new IllegalArgumentException("Setting '" + arg + "' has no value. " + usage());
      }
      settings.put(key.startsWith(PREFIX) ? key : PREFIX + key, value);
    }
    return settings;
  }

  static String usage() {
    return "Usage: java -jar pks-orchestrator.jar simulator [--port 9090] [--speed 60] [--foundation lab]"
        + " [--<pkso.simulator setting>=<value> ...], e.g. --durations.update=2m --history=7d";
  }

  private static String describe(BindException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage();
  }
}
