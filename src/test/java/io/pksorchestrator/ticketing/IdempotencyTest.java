package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdempotencyTest extends TicketingApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void repeatedTicketReturnsTheSameOperationWith200() throws Exception {
    HttpResponse<String> first = post("/api/v1/cluster-requests", "ticketing", clusterJson("idem-a", "CHG-IDEM-1"), Map.of());
    HttpResponse<String> second = post("/api/v1/cluster-requests", "ticketing", clusterJson("idem-a", "CHG-IDEM-1"), Map.of());

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(id(second)).isEqualTo(id(first));
    assertThat(JSON.readTree(second.body()).get("duplicate").asBoolean()).isTrue();
    assertThat(second.headers().firstValue("Location")).contains("/api/v1/operations/" + id(first));
    assertThat(instancesWithBusinessKey("CHG-IDEM-1")).isEqualTo(1);
  }

  @Test
  void idempotencyKeyHeaderWorksWithoutTicket() throws Exception {
    Map<String, String> key = Map.of("Idempotency-Key", "key-7f3a");
    HttpResponse<String> first = post("/api/v1/cluster-requests", "ticketing", clusterJson("idem-b", null), key);
    HttpResponse<String> second = post("/api/v1/cluster-requests", "ticketing", clusterJson("idem-b", null), key);
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(id(second)).isEqualTo(id(first));
    assertThat(instancesWithBusinessKey("idem-b")).isEqualTo(1);
  }

  @Test
  void sameKeyWithDifferentBodyIsAConflictAndStartsNothing() throws Exception {
    post("/api/v1/cluster-requests", "ticketing", clusterJson("idem-c", "CHG-IDEM-3"), Map.of());
    HttpResponse<String> other = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("idem-c", "CHG-IDEM-3").replace("\"workerCount\":3", "\"workerCount\":4"), Map.of());
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(other.body()).contains("CHG-IDEM-3");
    assertThat(instancesWithBusinessKey("CHG-IDEM-3")).isEqualTo(1);
  }

  @Test
  void concurrentDuplicatesStartExactlyOneProcess() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return post("/api/v1/cluster-requests", "ticketing", clusterJson("idem-race", "CHG-RACE-1"), Map.of());
        }));
      }
      go.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        responses.add(f.get(120, TimeUnit.SECONDS));
      }
      assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 202));
      assertThat(responses.stream().filter(r -> r.statusCode() == 202)).hasSize(1);
      assertThat(responses.stream().map(IdempotencyTest::id).distinct()).hasSize(1);
      assertThat(instancesWithBusinessKey("CHG-RACE-1")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String id(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body()).get("operationId").asText();
    } catch (Exception e) {
      throw new IllegalStateException(response.body(), e);
    }
  }
}
