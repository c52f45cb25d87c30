package io.pksorchestrator.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes the simulator's effective {@code pkso.simulator.port}, {@code foundation} and {@code speed} (as
 * {@link SimulatorProperties} binds them, its defaults included) in front of the environment BEFORE any bean is
 * created, so that the {@code ${pkso.simulator.*}} placeholders (the lab foundation's base URLs and time scale in
 * {@code config/foundations.yml}) and the start-up banner see them, whether the simulator runs inside the application
 * or on its own ({@code pkso.simulator.enabled=false}), without the yml repeating the defaults. With
 * {@code pkso.simulator.port=0} (tests) a free port is picked and published, so the placeholders resolve to the port
 * the simulator will really listen on: two application contexts of one test run (Spring's context cache) then get
 * two simulators instead of a clash on one port.
 */
@Configuration(proxyBeanMethods = false)
public class SimulatorSettings {

  /** Name of the property source that holds the published settings. */
  public static final String SOURCE = "pkso-simulator-effective";

  @Bean
  static BeanFactoryPostProcessor simulatorSettingsPublisher(Environment environment) {
    return beanFactory -> {
      if (environment instanceof ConfigurableEnvironment env) {
        publish(env);
      }
    };
  }

  /** Adds the effective port (a free one for 0), foundation and speed in front of {@code env}; once per environment. */
  public static void publish(ConfigurableEnvironment env) {
    if (env.getPropertySources().contains(SOURCE)) {
      return;
    }
    SimulatorProperties properties = Binder.get(env).bindOrCreate("pkso.simulator", SimulatorProperties.class);
    int port = properties.getPort();
    if (port == 0) {
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("No free port for the simulator", e);
      }
    }
    env.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(
        "pkso.simulator.port", port,
        "pkso.simulator.foundation", properties.getFoundation(),
        "pkso.simulator.speed", BigDecimal.valueOf(properties.getSpeed()).stripTrailingZeros().toPlainString())));
  }
}
