package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.simulator.SimulatorConfiguration.SimulatorRunner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The simulator inside a host web application that component-scans the simulator package (as the real
 * application does, without starting Camunda here): its APIs answer on the simulator's own port only, never on
 * the application's port.
 */
class SimulatorInsideApplicationTest {

  @SpringBootConfiguration
  @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
      WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
  @EnableConfigurationProperties(SimulatorProperties.class)
  @ComponentScan(basePackageClasses = SimulatorConfiguration.class,
      excludeFilters = @ComponentScan.Filter(type = org.springframework.context.annotation.FilterType.REGEX,
          pattern = "io\\.pksorchestrator\\.simulator\\..*Test.*"))
  static class HostApplication {}

  @Test
  void servesOnItsOwnPortOnly() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HostApplication.class)
        .web(WebApplicationType.SERVLET)
        .run("--server.port=0", "--pkso.simulator.enabled=true", "--pkso.simulator.port=0", "--spring.main.banner-mode=off")) {
      int appPort = ((WebServerApplicationContext) app).getWebServer().getPort();
      int simPort = app.getBean(SimulatorRunner.class).port();
      assertThat(simPort).isNotEqualTo(appPort).isPositive();
      assertThat(app.getEnvironment().getProperty("pkso.simulator.port", Integer.class))
          .as("placeholders such as the lab base URLs see the real port").isEqualTo(simPort);
      assertThat(app.getEnvironment().getProperty("pkso.foundations.lab.pks.url"))
          .isEqualTo("http://localhost:" + simPort + "/lab/pks");
      assertThat(app.getBean(SimulatedFoundation.class).name()).isEqualTo("lab");

      String controlToken = app.getBean(SimulatedFoundation.class).controlToken();
      SimHttp onSimulator = new SimHttp(simPort, controlToken);
      String token = onSimulator.token("pks-uaa", "lab-pks-client-secret");
      assertThat(onSimulator.get("/lab/pks/v1/plans", token).status()).isEqualTo(200);
      assertThat(onSimulator.get("/lab/opsman/api/v0/info", null).status()).isEqualTo(200);

      assertThat(onSimulator.get("/_sim/clock", null).status()).as("with the generated token").isEqualTo(200);
      SimHttp onApplication = new SimHttp(appPort, controlToken);
      assertThat(onApplication.get("/lab/pks/v1/plans", token).status()).isEqualTo(404);
      assertThat(onApplication.get("/lab/opsman/api/v0/info", null).status()).isEqualTo(404);
      assertThat(onApplication.tokenReply("pks-uaa", "pkso-lab", "lab-pks-client-secret").status()).isEqualTo(404);
      assertThat(onApplication.get("/_sim/clock", null).status()).isEqualTo(404);
    }
  }
}
