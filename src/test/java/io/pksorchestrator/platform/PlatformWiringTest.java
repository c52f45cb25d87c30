package io.pksorchestrator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.platform.bosh.BoshGateway;
import io.pksorchestrator.platform.bosh.FeignBoshGateway;
import io.pksorchestrator.platform.http.FoundationClients;
import io.pksorchestrator.platform.metrics.MetricsGateway;
import io.pksorchestrator.platform.metrics.PrometheusMetricsGateway;
import io.pksorchestrator.platform.opsman.FeignOpsManagerGateway;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.platform.pks.FeignPksGateway;
import io.pksorchestrator.platform.pks.PksGateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The platform beans wire up from properties alone (no engine, no simulator): a light context, not the app. */
@ExtendWith(OutputCaptureExtension.class)
class PlatformWiringTest {

  @Configuration
  @EnableConfigurationProperties(FoundationProperties.class)
  @Import({ConfiguredFoundations.class, FoundationClients.class, FeignPksGateway.class, FeignBoshGateway.class,
      FeignOpsManagerGateway.class, PrometheusMetricsGateway.class})
  static class Platform {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Platform.class)
      .withBean(java.time.Clock.class, java.time.Clock::systemUTC) // the application's wall-clock bean
      .withBean(io.micrometer.core.instrument.MeterRegistry.class,
          io.micrometer.core.instrument.simple.SimpleMeterRegistry::new) // Actuator's registry in the application
      .withPropertyValues(
          "pkso.foundations.lab.display-name=Lab",
          "pkso.foundations.lab.time-scale=60",
          "pkso.foundations.lab.pks.url=http://localhost:9090/lab/pks",
          "pkso.foundations.lab.pks.uaa-url=http://localhost:9090/lab/pks-uaa",
          "pkso.foundations.lab.pks.client-id=pkso-lab",
          "pkso.foundations.lab.pks.client-secret=lab-pks-client-secret",
          "pkso.foundations.lab.opsman.url=http://localhost:9090/lab/opsman",
          "pkso.foundations.lab.opsman.uaa-url=http://localhost:9090/lab/opsman/uaa",
          "pkso.foundations.lab.opsman.client-id=pkso-lab",
          "pkso.foundations.lab.opsman.client-secret=lab-opsman-client-secret",
          "pkso.foundations.lab.bosh.url=http://localhost:9090/lab/bosh",
          "pkso.foundations.lab.bosh.uaa-url=http://localhost:9090/lab/bosh-uaa",
          "pkso.foundations.lab.bosh.client-id=pkso-lab",
          "pkso.foundations.lab.bosh.client-secret=lab-bosh-client-secret",
          "pkso.foundations.lab.metrics.url=http://localhost:9090/lab/prometheus");

  @Test
  void gatewaysAreBeansAndNothingIsCalledAtStartUp(CapturedOutput output) {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).hasSingleBean(PksGateway.class).hasSingleBean(BoshGateway.class)
          .hasSingleBean(OpsManagerGateway.class).hasSingleBean(MetricsGateway.class)
          .hasSingleBean(Foundations.class);
      Foundations foundations = context.getBean(Foundations.class);
      assertThat(foundations.names()).containsExactly("lab");
      assertThat(foundations.toWallTime("lab", Duration.ofMinutes(30))).isEqualTo(Duration.ofSeconds(30));
    });
    assertThat(output.getAll()).doesNotContain("lab-pks-client-secret");
  }

  @Test
  void skipTlsValidationIsAnnouncedWithAWarning(CapturedOutput output) {
    runner.withPropertyValues("pkso.foundations.lab.skip-tls-validation=true")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(output.getAll()).contains("WARN").contains("TLS certificate validation is DISABLED for foundation 'lab'");
  }

  @Test
  void invalidConfigurationStopsTheStartWithTheProperty() {
    runner.withPropertyValues("pkso.foundations.lab.opsman.client-secret-file=/nonexistent/secret",
            "pkso.foundations.lab.opsman.client-secret=")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("pkso.foundations.lab.opsman"));
  }
}
