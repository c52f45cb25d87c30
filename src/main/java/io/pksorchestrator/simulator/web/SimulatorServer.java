package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the simulated foundation's HTTP server: a separate Spring context with its own Tomcat on its own
 * port, so the simulated APIs never appear on the application's port. It reads no application.yml (its
 * {@code spring.config.name} points nowhere) and takes its few settings with top precedence, so the
 * application's {@code server.port} or {@code SERVER_PORT} cannot leak into it.
 */
public final class SimulatorServer implements AutoCloseable {

  /** Header carrying the simulator's control token on every {@code /_sim/**} request. */
  public static final String CONTROL_TOKEN_HEADER = "X-Sim-Token";

  private final ConfigurableApplicationContext context;
  private final int port;

  private SimulatorServer(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Starts serving {@code foundation} on {@code port} (0 = any free port; read it from {@link #port()}). */
  public static SimulatorServer start(SimulatedFoundation foundation, int port) {
    requireFree(foundation.properties().getBindAddress(), port);
    Map<String, Object> settings = new HashMap<>();
    settings.put("server.port", port);
    settings.put("server.address", foundation.properties().getBindAddress());
    settings.put("server.servlet.context-path", "");
    settings.put("spring.jmx.enabled", false);
    // no container multipart parsing (it buffers parts on disk): the stemcell upload is read as a stream
    settings.put("spring.servlet.multipart.enabled", false);
    settings.put("spring.mvc.problemdetails.enabled", false);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SimulatorWebConfiguration.class)
        .web(WebApplicationType.SERVLET)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .registerShutdownHook(false)
        .properties("spring.config.name=pkso-simulator-has-no-config-file")
        .initializers(ctx -> {
          ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("pkso-simulator", settings));
          ctx.getBeanFactory().registerSingleton("simulatedFoundation", foundation);
        })
        .run();
    return new SimulatorServer(context);
  }

  /**
   * Refuses a busy port with a message that names the setting to change. Without it the simulator's own web server
   * fails with Spring Boot's advice for the application's port ("configure this application to listen on another
   * port"), which points at {@code server.port}, the wrong setting.
   */
  static void requireFree(String bindAddress, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(bindAddress == null || bindAddress.isBlank() ? new InetSocketAddress(port)
          : new InetSocketAddress(bindAddress, port));
    } catch (IOException e) {
      throw new SimulatorPortInUseException("The simulated foundation cannot listen on port " + port
          + (bindAddress == null || bindAddress.isBlank() ? "" : " of " + bindAddress) + " (" + e.getMessage()
          + "): another process uses it, e.g. another pks-orchestrator or simulator. Set pkso.simulator.port"
          + " to a free port (environment PKSO_SIMULATOR_PORT, or --pkso.simulator.port=9191; the standalone"
          + " simulator: --port 9191), or stop that process.");
    }
  }

  /** The simulator's port is taken; the message says which setting moves it. */
  public static final class SimulatorPortInUseException extends IllegalStateException {
    SimulatorPortInUseException(String message) {
      super(message);
    }
  }

  /** The port the simulator listens on. */
  public int port() {
    return port;
  }

  /** Base URL of the foundation, e.g. http://localhost:9090/lab. */
  public String foundationUrl(SimulatedFoundation foundation) {
    return "http://localhost:" + port + "/" + foundation.name();
  }

  @Override
  public void close() {
    context.close();
  }
}
