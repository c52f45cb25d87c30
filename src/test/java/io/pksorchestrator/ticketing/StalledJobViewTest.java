package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 item 6a: {@code GET /api/v1/operations/{id}} says when the next step's job is locked by a node that
 * stopped answering (lock expired, or no heartbeat of its lock owner for three intervals) instead of only
 * "(waiting to run)".
 */
class StalledJobViewTest extends TicketingApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theViewNamesAJobLockedByANodeThatStoppedAnswering() throws Exception {
    HttpResponse<String> created = post("/api/v1/cluster-requests", "ticketing", clusterJson("stall-1", "STALL-1"),
        Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = JSON.readTree(created.body()).get("operationId").asText();
    taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(),
        Map.of("decision", "approve"));
    String jobId = managementService.createJobQuery().processInstanceId(id).singleResult().getId();
    assertThat(steps(id)).contains("Apply change (waiting to run)");

    // locked by a node whose lock expired 5 s ago and which never ran again
    lock(jobId, "node-gone", Instant.now().minusSeconds(5));
    assertThat(steps(id)).contains("Apply change (stalled: locked by node node-gone, which stopped answering")
        .contains("expired at");

    // lock still valid, but the owner's last heartbeat is a minute old
    heartbeat("node-gone", Instant.now().minusSeconds(60));
    lock(jobId, "node-gone", Instant.now().plusSeconds(45));
    assertThat(steps(id)).contains("Apply change (stalled: locked by node node-gone, which stopped answering")
        .contains("expires at");

    // a live node running it
    heartbeat("node-alive", Instant.now());
    lock(jobId, "node-alive", Instant.now().plusSeconds(45));
    assertThat(steps(id)).contains("Apply change (running on node node-alive");
  }

  private String steps(String id) throws Exception {
    HttpResponse<String> response = get("/api/v1/operations/" + id, "ticketing");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("currentSteps").toString();
  }

  private void lock(String jobId, String owner, Instant expiry) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          JobEntity job = context.getJobManager().findJobById(jobId);
          job.setLockOwner(owner);
          job.setLockExpirationTime(Date.from(expiry));
          return null;
        });
  }

  private void heartbeat(String owner, Instant at) {
    jdbc.update("DELETE FROM pkso_engine_node WHERE lock_owner = ?", owner);
    jdbc.update("INSERT INTO pkso_engine_node (lock_owner, node, heartbeat_at) VALUES (?, ?, ?)", owner, owner,
        Timestamp.from(at));
  }
}
