package io.pksorchestrator.platform.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.FoundationProperties.Metrics;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.TestFoundations.MutableClock;
import io.pksorchestrator.platform.WireMockSupport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus client: the demand query, the range parameters, windows, series sums and gaps. */
class PrometheusClientTest extends WireMockSupport {

  private static final String T = TestFoundations.NAME;
  private static final String QUERY =
      "sum(kube_pod_container_resource_requests{resource=\"cpu\",unit=\"core\",cluster=\"payments\"})";
  private static final Instant FROM = Instant.ofEpochSecond(1_700_000_000L);

  private PrometheusMetricsGateway gateway;

  @BeforeEach
  void setUp() {
    gateway = new PrometheusMetricsGateway(TestFoundations.clients(base()));
  }

  @Test
  void demandOverARange() {
    wm.stubFor(get(urlPathEqualTo("/prometheus/api/v1/query_range")).willReturn(okJson("""
        {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[
          [1700000000,"3.5"],[1700000060,"4"],[1700000120,"NaN"],[1700000180.5,"5.25"]]}]},
         "warnings":["ignored"],"stats":{}}""")));

    List<DemandSample> samples = gateway.demand(T, "payments", FROM, FROM.plusSeconds(180), Duration.ofMinutes(1));

    assertThat(samples).containsExactly(new DemandSample(FROM, 3.5), new DemandSample(FROM.plusSeconds(60), 4.0),
        new DemandSample(FROM.plusMillis(180_500), 5.25));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/prometheus/api/v1/query_range"))
        .withQueryParam("query", equalTo(QUERY))
        .withQueryParam("start", equalTo("1700000000"))
        .withQueryParam("end", equalTo("1700000180"))
        .withQueryParam("step", equalTo("60"))
        .withoutHeader("Authorization"));
  }

  @Test
  void severalSeriesAreSummedPerTimestamp() {
    wm.stubFor(get(urlPathEqualTo("/prometheus/api/v1/query_range")).willReturn(okJson("""
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"namespace":"a"},"values":[[1700000000,"1"],[1700000060,"2"]]},
          {"metric":{"namespace":"b"},"values":[[1700000000,"0.5"]]}]}}""")));

    assertThat(gateway.demand(T, "payments", FROM, FROM.plusSeconds(60), Duration.ofMinutes(1)))
        .containsExactly(new DemandSample(FROM, 1.5), new DemandSample(FROM.plusSeconds(60), 2.0));
  }

  @Test
  void longRangesAreFetchedInWindowsPrometheusAccepts() {
    wm.stubFor(get(urlPathEqualTo("/prometheus/api/v1/query_range")).willReturn(okJson(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}")));

    // 14 days at one-minute steps = 20,161 points: three windows of at most 10,000 points
    assertThat(gateway.demand(T, "payments", FROM, FROM.plus(Duration.ofDays(14)), Duration.ofMinutes(1))).isEmpty();

    wm.verify(3, getRequestedFor(urlPathEqualTo("/prometheus/api/v1/query_range")));
    wm.verify(getRequestedFor(urlPathEqualTo("/prometheus/api/v1/query_range"))
        .withQueryParam("start", equalTo("1700000000")).withQueryParam("end", equalTo("1700599940")));
    wm.verify(getRequestedFor(urlPathEqualTo("/prometheus/api/v1/query_range"))
        .withQueryParam("start", equalTo("1700600000")).withQueryParam("end", equalTo("1701199940")));
    wm.verify(getRequestedFor(urlPathEqualTo("/prometheus/api/v1/query_range"))
        .withQueryParam("start", equalTo("1701200000")).withQueryParam("end", equalTo("1701209600")));
  }

  @Test
  void clusterNamesAreEscapedInsideThePromqlString() {
    assertThat(gateway.demandQuery(T, "a\"b")).contains("cluster=\"a\\\"b\"");
  }

  @Test
  void aFoundationWithoutMetricsSaysWhatToConfigure() {
    Foundation base = TestFoundations.foundation(base());
    Foundation f = TestFoundations.of("Test", 1, null, null, false, base.connectTimeout(), base.readTimeout(),
        base.uploadTimeout(), base.instanceDetailsTimeout(), Duration.ZERO, base.pks(), base.opsman(), base.bosh(),
        null);
    gateway = new PrometheusMetricsGateway(TestFoundations.clients(f, new MutableClock()));

    assertThatThrownBy(() -> gateway.demand(T, "payments", FROM, FROM.plusSeconds(60), Duration.ofMinutes(1)))
        .hasMessageContaining("set pkso.foundations.test.metrics.url");
  }

  @Test
  void prometheusErrorsAreRejectionsWithTheirMessage() {
    wm.stubFor(get(urlPathEqualTo("/prometheus/api/v1/query_range")).willReturn(aResponse().withStatus(400)
        .withBody("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 4\"}")));

    assertThatThrownBy(() -> gateway.demand(T, "payments", FROM, FROM.plusSeconds(60), Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(FoundationRejectedException.class,
            e -> assertThat(e.detail()).isEqualTo("parse error at char 4"));
  }

  @Test
  void bearerTokenAndCustomQueryAreUsed() {
    Foundation base = TestFoundations.foundation(base());
    Metrics metrics = new Metrics(URI.create(base() + "/prometheus"), "sum(demand{k8s_cluster=\"{cluster}\"})",
        "prom-token-value", null, null, null, null);
    Foundation f = TestFoundations.of("Test", 1, null, null, false, base.connectTimeout(), base.readTimeout(),
        base.uploadTimeout(), base.instanceDetailsTimeout(), Duration.ZERO, base.pks(), base.opsman(), base.bosh(),
        metrics);
    gateway = new PrometheusMetricsGateway(TestFoundations.clients(f, new MutableClock()));
    wm.stubFor(get(urlPathEqualTo("/prometheus/api/v1/query_range")).willReturn(okJson(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}")));

    gateway.demand(T, "payments", FROM, FROM.plusSeconds(60), Duration.ofSeconds(30));

    wm.verify(getRequestedFor(urlPathEqualTo("/prometheus/api/v1/query_range"))
        .withQueryParam("query", equalTo("sum(demand{k8s_cluster=\"payments\"})"))
        .withQueryParam("step", equalTo("30"))
        .withHeader("Authorization", equalTo("Bearer prom-token-value")));
  }
}
