package io.pksorchestrator.platform.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/** The Prometheus HTTP API ({@code /api/v1}). Times are Unix seconds; {@code step} is in seconds. */
@Headers("Accept: application/json")
interface PrometheusApi {

  @RequestLine("GET /api/v1/query_range?query={query}&start={start}&end={end}&step={step}")
  QueryResponse queryRange(@Param("query") String query, @Param("start") String start, @Param("end") String end,
      @Param("step") String step);

  /** {@code {"status":"success","data":{"resultType":"matrix","result":[...]}}}. */
  record QueryResponse(String status, Data data) {}

  record Data(@JsonProperty("resultType") String resultType, List<Series> result) {}

  /**
   * One series of a matrix: {@code values} ({@code [[<unix seconds>, "<value>"], ...]}). Values are strings in the
   * Prometheus API (they may be {@code NaN}).
   */
  record Series(Map<String, String> metric, List<List<JsonNode>> values) {}
}
