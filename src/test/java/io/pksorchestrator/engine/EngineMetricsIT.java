package io.pksorchestrator.engine;

import static io.pksorchestrator.PlatformTestSupport.basic;
import static io.pksorchestrator.PlatformTestSupport.get;
import static io.pksorchestrator.PlatformTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.PlatformApplicationTest;
import io.pksorchestrator.PlatformTestSupport;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health and Prometheus endpoints: who may see what, and the engine figures. */
class EngineMetricsIT extends PlatformApplicationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  void prometheusCarriesEngineFiguresForAdminsOnly() {
    runtimeService.startProcessInstanceByKey("PlatformTestProcess");
    configuration.getDbMetricsReporter().reportNow();
    String admin = basic("admin", PlatformTestSupport.ADMIN_PASSWORD);
    HttpResponse<String> r = send(get(url("/actuator/prometheus")).header("Authorization", admin));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .containsPattern("pkso_process_instances_started_total\\{process=\"PlatformTestProcess\"} [1-9]")
        .contains("pkso_process_instances_ended_total{process=\"PlatformTestProcess\"}")
        .contains("pkso_incidents_open ")
        .containsPattern("pkso_approval_tasks_open [1-9]")
        .contains("camunda_job_metric_total{name=\"job-acquisition-attempt\"}")
        .contains("camunda_job_metric_total{name=\"job-acquired-success\"}")
        .contains("camunda_job_metric_total{name=\"job-acquired-failure\"}")
        .contains("camunda_job_metric_total{name=\"job-execution-rejected\"}")
        .contains("camunda_job_metric_total{name=\"job-successful\"}")
        .contains("camunda_job_metric_total{name=\"job-failed\"}");
    assertThat(send(get(url("/actuator/prometheus"))).statusCode()).isEqualTo(401);
    assertThat(send(get(url("/actuator/prometheus"))
        .header("Authorization", basic("operator", PlatformTestSupport.OPERATOR_PASSWORD))).statusCode())
        .isEqualTo(403);
  }

  @Test
  void healthIsAnonymousWithoutDetailsAndDetailedForAdmins() {
    HttpResponse<String> anonymous = send(get(url("/actuator/health")));
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    assertThat(send(get(url("/actuator/health/liveness"))).statusCode()).isEqualTo(200);
    HttpResponse<String> readiness = send(get(url("/actuator/health/readiness"))
        .header("Authorization", basic("admin", PlatformTestSupport.ADMIN_PASSWORD)));
    assertThat(readiness.body()).contains("\"db\"").contains("readinessState");
  }
}
