package io.pksorchestrator.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.fixtures.StemcellArchives;
import io.pksorchestrator.PlatformTestSupport;
import io.pksorchestrator.soak.SoakHttp.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 12 item 5: a simulated week of mixed operations against the standalone simulator at high speed, the
 * orchestrator in a child JVM on an H2 file database: the forecasting cycle on ({@code forecast-and-scale}) over the
 * lab's daily busy periods, manual resizes from tickets, one stemcell upgrade with a canary, two creations, injected
 * faults (5xx storms, a failed PKS action, expired tokens) and one SIGKILL of the orchestrator with a restart on the
 * same database, while a scripted operator decides every task (rejecting the first proposal of each kind). Then six
 * invariants, each from the simulator's own records or the engine's history, and a one-line summary.
 *
 * <p>Runs only with {@code -Dpkso.soak=true} (Maven profile {@code soak}); speed {@code -Dpkso.soak.speed}
 * (default 2400: a simulated week in about five wall minutes), length {@code -Dpkso.soak.days} (default 7). Output:
 * {@code target/soak/} (the two JVMs' logs, {@code summary.txt}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "pkso.soak", matches = "true")
class WeekOfOperationsSoakIT {

  static final double SPEED = Double.parseDouble(System.getProperty("pkso.soak.speed", "2400"));
  static final Duration LENGTH = Duration.ofDays(Long.parseLong(System.getProperty("pkso.soak.days", "7")));
  static final Duration REJECTION_BACKOFF = Duration.ofHours(6); // the product default, not overridden here
  static final double REJECTION_MARGIN = 0.25;
  static final List<String> OPERATION_KEYS = List.of("ClusterCreationProcess", "PredictiveResizeProcess",
      "StemcellUpgradeProcess");
  /** The orchestrator never sizes a cluster below these (its min-workers); one worker may be recreated at a time. */
  static final Map<String, Integer> MIN_WORKERS = new TreeMap<>(Map.of("payments-prod", 6, "web-staging", 3,
      "batch-dev", 2, "analytics", 3, "ml-train", 2, "soak-alpha", 2, "soak-bravo", 2));
  static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final Path dir = Path.of("target", "soak").toAbsolutePath();
  private final String simToken = PlatformTestSupport.random();
  private final Map<String, String> passwords = Map.of("admin", PlatformTestSupport.random(),
      "operator", PlatformTestSupport.random(), "ticketing", PlatformTestSupport.random());
  private final List<String> summary = new ArrayList<>();
  private final Map<String, AtomicInteger> counts = new TreeMap<>();
  private final List<Mission> missions = new ArrayList<>();
  private final Map<String, String> ticketOperations = new LinkedHashMap<>();
  private final java.util.Set<String> rejectedKinds = new java.util.HashSet<>();
  private SoakJvm simulator;
  private SoakJvm orchestrator;
  private SoakHttp http;
  private int simPort;
  private Path database;
  private Path stemcell;
  private Instant t0;

  @AfterAll
  void stopEverything() throws Exception {
    for (SoakJvm jvm : new SoakJvm[] {orchestrator, simulator}) {
      if (jvm != null && jvm.isAlive()) {
        jvm.stop();
      }
    }
    if (!summary.isEmpty()) {
      Files.write(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
    }
  }

  @Test
  void aWeekOfMixedOperationsKeepsEveryInvariant() throws Exception {
    long wallStart = System.nanoTime();
    prepare();
    simulator = SoakJvm.start("simulator", dir, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        List.of("simulator", "--port=0", "--speed=" + SPEED, "--history=8d", "--seed=12",
            "--control-token=" + simToken));
    simPort = Integer.parseInt(simulator.awaitLine(Pattern.compile("PKSO-SIM003 .* http://localhost:(\\d+)/"),
        Duration.ofMinutes(2)));
    http = new SoakHttp("http://localhost:" + simPort, simToken, passwords);
    startOrchestrator();
    awaitFirstCycle();
    t0 = http.simNow();
    long weekWallStart = System.nanoTime();
    script();

    Instant end = t0.plus(LENGTH);
    Instant now;
    while ((now = http.simNow()).isBefore(end)) {
      for (Mission m : List.copyOf(missions)) { // a mission may add missions
        m.tick(now);
      }
      operatorDesk();
      SoakJvm.pause(150);
    }
    freezeForecastingAndDrain();
    double weekWall = (System.nanoTime() - weekWallStart) / 1e9;
    Instant checkedAt = http.simNow();

    List<String> held = new ArrayList<>();
    List<String> violated = new ArrayList<>();
    check("never two changes in flight on one cluster (simulator's record)", this::noTwoChangesInFlight, held,
        violated);
    check("no duplicate cluster", this::noDuplicateCluster, held, violated);
    check("no operation lost", this::noOperationLost, held, violated);
    check("the upgrade ended upgraded for every cluster", this::upgradeUpgradedEveryCluster, held, violated);
    check("no cluster below its serving minimum (serving record)", () -> servingMinimumKept(checkedAt), held,
        violated);
    check("no rejected proposal re-proposed inside the back-off", this::noProposalInsideBackoff, held, violated);
    check("a ticket for a cluster the upgrade held was refused (409) naming it", () -> assertThat(
        value("unexpected:ticket-accepted-while-leased")).isZero(), held, violated);

    String line = String.format(java.util.Locale.ROOT, "PKSO-SOAK %.1f simulated days at speed %.0f in %.0f s"
        + " (run %.0f s): operations %d (%s), conflicts avoided %d (%s), faults %d, kill+restart %d,"
        + " PKS changes %d, upgraded clusters %d, rejected proposals %d, invariants %d/%d held%s",
        Duration.between(t0, checkedAt).toMinutes() / 1440.0, SPEED, weekWall, (System.nanoTime() - wallStart) / 1e9,
        operationsTotal(), operationsByKind(), conflictsAvoided(), conflictsByKind(), value("fault"), value("kill"),
        value("pks-changes"), value("upgraded-clusters"), value("rejected-proposals"), held.size(),
        held.size() + violated.size(), violated.isEmpty() ? "" : "; VIOLATED: " + violated);
    System.out.println(line);
    summary.add(line);
    summary.addAll(held.stream().map(h -> "held: " + h).toList());
    summary.addAll(violated.stream().map(v -> "VIOLATED: " + v).toList());
    assertThat(violated).as(line).isEmpty();
  }

  // ---------------------------------------------------------------- set-up

  private void prepare() throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir.resolve("stemcells"));
    database = dir.resolve("db").resolve("soak");
    stemcell = StemcellArchives.tgz(
        dir.resolve("stemcells").resolve("bosh-stemcell-1.412-vsphere-esxi-ubuntu-jammy-go_agent.tgz"), "1.412");
  }

  private void startOrchestrator() {
    int port = PlatformTestSupport.freePort();
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port, "--spring.main.banner-mode=off",
        "--spring.datasource.url=jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE",
        "--pkso.simulator.enabled=false", "--pkso.simulator.port=" + simPort, "--pkso.simulator.speed=" + SPEED,
        "--pkso.security.admin-password=" + passwords.get("admin"),
        "--pkso.security.operator-password=" + passwords.get("operator"),
        "--pkso.security.ticketing-password=" + passwords.get("ticketing"),
        // a killed node's jobs are taken again after this (wall) time
        "--camunda.bpm.job-execution.lock-time-in-millis=15000", "--pkso.engine.job-lock-margin=5s",
        // the only directory stemcell files may come from (docs/security.md, section 2)
        "--pkso.upgrade.stemcell-dir=" + stemcell.getParent().toAbsolutePath().normalize(),
        "--camunda.bpm.job-execution.wait-time-in-millis=100", "--camunda.bpm.job-execution.max-wait=500",
        // the cycle in wall time, its decision interval in foundation time (about one cycle at this speed)
        "--pkso.resize.forecast-cycle=R/PT2S", "--pkso.resize.decision-interval=PT1H",
        "--pkso.resize.lead-time=PT30M",
        "--logging.level.root=WARN", "--logging.level.io.pksorchestrator=INFO"));
    int i = 0;
    for (Map.Entry<String, Integer> min : MIN_WORKERS.entrySet()) {
      args.add("--pkso.resize.clusters[" + i + "].foundation=lab");
      args.add("--pkso.resize.clusters[" + i + "].name=" + min.getKey());
      args.add("--pkso.resize.clusters[" + i + "].min-workers=" + min.getValue());
      i++;
    }
    String name = "orchestrator-" + (value("kill") + 1);
    orchestrator = SoakJvm.start(name, dir, List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        args);
    http.app("http://localhost:" + port);
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (!http.appReady()) {
      if (!orchestrator.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(name + " not ready; log tail:\n" + orchestrator.tail(80));
      }
      SoakJvm.pause(500);
    }
  }

  private void awaitFirstCycle() {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (http.appJson("GET", "/api/v1/clusters", "operator", null).size() < 5) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no forecasting cycle within 3 minutes; log tail:\n" + orchestrator.tail(80));
      }
      SoakJvm.pause(500);
    }
  }

  // ---------------------------------------------------------------- the week's script

  private void script() {
    at(Duration.ofHours(1), "manual resize of batch-dev", now -> manualResize("SOAK-M1", "batch-dev", +2));
    at(Duration.ofHours(6), "5xx storm on the PKS API", now -> {
      fault(Map.of("type", "http", "method", "GET", "path", "/lab/pks/v1/clusters/*", "status", 503, "count", 6));
      fault(Map.of("type", "http", "method", "GET", "path", "/lab/pks/v1/clusters", "status", 502, "count", 3));
    });
    at(Duration.ofHours(7), "the PKS storm is over", now -> http.sim("DELETE", "/_sim/faults", null));
    missions.add(new CreationWithKill("SOAK-C1", "soak-alpha", "small", Duration.ofHours(10)));
    missions.add(new Upgrade(Duration.ofDays(2)));
    missions.add(new TicketWhileUpgradeHolds("SOAK-M2", "web-staging"));
    at(Duration.ofDays(3), "expired tokens", now -> {
      for (String component : List.of("pks", "bosh", "opsman")) {
        fault(Map.of("type", "expire-tokens", "component", component));
      }
    });
    missions.add(new Creation("SOAK-C2", "soak-bravo", "medium", Duration.ofDays(3).plusHours(6)));
    at(Duration.ofDays(4), "manual resize of analytics", now -> manualResize("SOAK-M3", "analytics", +1));
    at(Duration.ofDays(5), "a failed PKS action", now -> {
      fault(Map.of("type", "cluster-failure", "cluster", "soak-bravo", "count", 1));
      manualResize("SOAK-M4", "soak-bravo", +1);
    });
    at(Duration.ofDays(5).plusHours(12), "5xx storm on BOSH", now -> fault(Map.of("type", "http", "path",
        "/lab/bosh/**", "status", 503, "count", 6)));
    at(Duration.ofDays(5).plusHours(13), "the BOSH storm is over", now -> http.sim("DELETE", "/_sim/faults", null));
  }

  private void at(Duration offset, String what, java.util.function.Consumer<Instant> action) {
    missions.add(new Mission() {
      boolean done;

      @Override
      public void tick(Instant now) {
        if (!done && !now.isBefore(t0.plus(offset))) {
          done = true;
          log("event: " + what);
          action.accept(now);
        }
      }
    });
  }

  private interface Mission {
    void tick(Instant now);
  }

  /** A ticketing request sent again (as a ticketing system would) while the cluster is busy (409). */
  private void manualResize(String ticket, String cluster, int delta) {
    missions.add(new Mission() {
      boolean done;
      Instant retryAt = Instant.MIN;
      int attempt;

      @Override
      public void tick(Instant now) {
        if (done || now.isBefore(retryAt)) {
          return;
        }
        int current = http.appJson("GET", "/api/v1/clusters/lab/" + cluster, "operator", null).get("currentWorkers")
            .asInt();
        Reply r = http.app("POST", "/api/v1/resize-requests", "ticketing", Map.of("foundation", "lab",
            "clusterName", cluster, "proposedWorkers", current + delta, "reason", "soak " + ticket,
            "ticketId", ticket + "-" + (++attempt)));
        if (r.status() == 202 || r.status() == 200) {
          ticketOperations.put(ticket, r.json().get("operationId").asText());
          count("operation:manual-resize");
          done = true;
        } else if (r.status() == 409) {
          count("conflict:409");
          retryAt = now.plus(Duration.ofMinutes(20));
        } else {
          count("request-refused-" + r.status());
          log("request " + ticket + " refused " + r);
          retryAt = now.plus(Duration.ofMinutes(20));
        }
      }
    });
  }

  /**
   * Once the upgrade holds {@code cluster}, a ticket to resize it must answer 409 naming the upgrade; the ticketing
   * system sends it again later, and it is accepted once the upgrade has released the cluster.
   */
  private class TicketWhileUpgradeHolds implements Mission {
    final String ticket;
    final String cluster;
    boolean refused;

    TicketWhileUpgradeHolds(String ticket, String cluster) {
      this.ticket = ticket;
      this.cluster = cluster;
    }

    @Override
    public void tick(Instant now) {
      String upgrade = ticketOperations.get("SOAK-U1");
      if (refused || upgrade == null) {
        return;
      }
      JsonNode op = http.appJson("GET", "/api/v1/operations/" + upgrade, "operator", null);
      boolean holds = false;
      for (JsonNode h : op.path("heldClusters")) {
        holds |= h.path("cluster").asText().equals(cluster);
      }
      if (!holds) {
        return;
      }
      refused = true;
      Reply r = http.app("POST", "/api/v1/resize-requests", "ticketing", Map.of("foundation", "lab",
          "clusterName", cluster, "proposedWorkers", 9, "reason", "soak " + ticket, "ticketId", ticket + "-0"));
      String holder = r.status() == 409 ? r.json().path("heldBy").path("operationId").asText() : null;
      log("event: ticket " + ticket + " for " + cluster + " while the upgrade holds it: " + r.status()
          + (holder == null ? " " + r.body() : " naming " + holder));
      if (r.status() == 409 && upgrade.equals(holder)) {
        count("conflict:409");
        manualResize(ticket, cluster, +1); // sent again until the upgrade has released the cluster
      } else {
        count("unexpected:ticket-accepted-while-leased");
      }
    }
  }

  /** Requests a cluster; the operator approves it. */
  private class Creation implements Mission {
    final String ticket;
    final String name;
    final String plan;
    final Duration offset;
    String operationId;
    Instant retryAt = Instant.MIN;

    Creation(String ticket, String name, String plan, Duration offset) {
      this.ticket = ticket;
      this.name = name;
      this.plan = plan;
      this.offset = offset;
    }

    @Override
    public void tick(Instant now) {
      if (operationId != null || now.isBefore(t0.plus(offset)) || now.isBefore(retryAt)) {
        return;
      }
      Reply r = http.app("POST", "/api/v1/cluster-requests", "ticketing", Map.of("foundation", "lab",
          "clusterName", name, "planName", plan, "workerCount", 3, "externalHostname", name + ".lab.example.com",
          "ticketId", ticket));
      if (r.status() == 202 || r.status() == 200) {
        operationId = r.json().get("operationId").asText();
        ticketOperations.put(ticket, operationId);
        count("operation:creation");
        log("event: creation " + name + " requested (" + operationId + ")");
      } else {
        count(r.status() == 409 ? "conflict:409" : "request-refused-" + r.status());
        retryAt = now.plus(Duration.ofMinutes(20));
      }
    }
  }

  /** The first creation: the orchestrator is killed once PKS has accepted it, and restarted on the same database. */
  private class CreationWithKill extends Creation {
    boolean killed;

    CreationWithKill(String ticket, String name, String plan, Duration offset) {
      super(ticket, name, plan, offset);
    }

    @Override
    public void tick(Instant now) {
      super.tick(now);
      if (operationId == null || killed) {
        return;
      }
      JsonNode changes = http.sim("GET", "/_sim/changes?cluster=" + name, null).get("changes");
      if (changes.size() > 0) {
        killed = true;
        try {
          log("event: SIGKILL of the orchestrator while PKS creates " + name);
          orchestrator.kill();
          count("kill");
          startOrchestrator();
          log("event: orchestrator restarted on the same database");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** The stemcell upgrade of every cluster with a canary; requested again when refused or rejected. */
  private class Upgrade implements Mission {
    final Duration offset;
    int attempt;
    String operationId;
    Instant retryAt = Instant.MIN;
    boolean finished;

    Upgrade(Duration offset) {
      this.offset = offset;
    }

    @Override
    public void tick(Instant now) {
      if (finished || now.isBefore(t0.plus(offset)) || now.isBefore(retryAt)) {
        return;
      }
      if (operationId != null) {
        JsonNode op = http.appJson("GET", "/api/v1/operations/" + operationId, "operator", null);
        if ("rejected".equals(op.path("outcome").asText())) {
          count("conflict:upgrade-pre-checks");
          log("upgrade " + operationId + " rejected by its pre-checks: " + op.path("outcomeMessage").asText());
          operationId = null;
          retryAt = now.plus(Duration.ofMinutes(30));
        } else if (!op.path("endedAt").isMissingNode() && !op.path("endedAt").isNull()) {
          finished = true;
        }
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("foundation", "lab");
      body.put("stemcellOs", "ubuntu-jammy");
      body.put("stemcellVersion", "1.412");
      body.put("stemcellSource", stemcell.toString());
      body.put("clusters", List.of("all"));
      body.put("canaries", List.of("batch-dev"));
      body.put("maxInFlight", 2);
      body.put("ticketId", "SOAK-U1-" + (++attempt));
      Reply r = http.app("POST", "/api/v1/stemcell-upgrades", "ticketing", body);
      if (r.status() == 202 || r.status() == 200) {
        operationId = r.json().get("operationId").asText();
        ticketOperations.put("SOAK-U1", operationId);
        count("operation:upgrade");
        log("event: upgrade requested (" + operationId + ")");
      } else {
        count(r.status() == 409 ? "conflict:409" : "request-refused-" + r.status());
        retryAt = now.plus(Duration.ofMinutes(15));
      }
    }
  }

  private void fault(Map<String, Object> fault) {
    http.sim("POST", "/_sim/faults", fault);
    count("fault");
  }

  // ---------------------------------------------------------------- the operator

  /** Decides every open task: rejects the first forecast proposal of each cluster and direction, approves the rest. */
  private void operatorDesk() {
    JsonNode tasks;
    try {
      tasks = http.appJson("GET", "/engine-rest/task?candidateGroup=platform-operators&sortBy=created&sortOrder=asc",
          "operator", null);
    } catch (IllegalStateException down) {
      return; // the orchestrator is restarting
    }
    for (JsonNode task : tasks) {
      String key = task.get("taskDefinitionKey").asText();
      String id = task.get("id").asText();
      Map<String, Object> vars = new LinkedHashMap<>();
      switch (key) {
        case "Task_ApproveResize" -> {
          JsonNode v = http.appJson("GET", "/engine-rest/task/" + id + "/variables", "operator", null);
          String kind = v.path("clusterName").path("value").asText() + "/" + v.path("direction").path("value").asText();
          boolean forecast = "forecast".equals(v.path("trigger").path("value").asText());
          boolean reject = forecast && rejectedKinds.add(kind);
          vars.put("decision", Map.of("value", reject ? "reject" : "approve"));
          vars.put("decisionComment", Map.of("value", reject ? "soak: the first proposal of its kind is rejected"
              : "soak: approved"));
          count(reject ? "operator:rejected" : "operator:approved");
        }
        case "Task_ApproveClusterCreation", "Task_ApproveStemcellUpgrade" -> {
          vars.put("decision", Map.of("value", "approve"));
          vars.put("decisionComment", Map.of("value", "soak: approved"));
          count("operator:approved");
        }
        case "Task_ApproveContinuation" -> {
          vars.put("decision", Map.of("value", "approve"));
          count("operator:approved");
        }
        case "Task_ResolveLeaseConflict" -> {
          vars.put("leaseResolution", Map.of("value", "wait"));
          count("conflict:lease-wait-timed-out");
        }
        case "Task_ResolveClusterCreationFailure" -> {
          vars.put("resolution", Map.of("value", "retry"));
          count("operator:resolved-failure");
        }
        default -> {
          vars.put("resolution", Map.of("value", "retry"));
          count("operator:resolved-failure");
        }
      }
      Reply r = http.app("POST", "/engine-rest/task/" + id + "/complete", "operator", Map.of("variables", vars));
      if (r.status() >= 300) {
        log("operator could not complete " + key + " " + id + ": " + r);
      }
    }
  }

  /**
   * Stops the forecasting timer (an operator's freeze) and lets running operations finish or reach a task, for at
   * most two simulated days.
   */
  private void freezeForecastingAndDrain() {
    http.appJson("PUT", "/engine-rest/job-definition/suspended", "admin", Map.of("processDefinitionKey",
        "ForecastScalingProcess", "suspended", true, "includeJobs", true));
    Instant limit = http.simNow().plus(Duration.ofDays(2));
    while (http.simNow().isBefore(limit)) {
      operatorDesk();
      for (Mission m : List.copyOf(missions)) {
        m.tick(http.simNow());
      }
      if (runningWithoutTask().isEmpty()) {
        return;
      }
      SoakJvm.pause(300);
    }
  }

  // ---------------------------------------------------------------- invariants

  private void noTwoChangesInFlight() {
    JsonNode record = http.sim("GET", "/_sim/changes", null);
    counts.computeIfAbsent("pks-changes", k -> new AtomicInteger()).set(record.get("changes").size());
    assertThat(record.get("overlaps")).as("two changes of one cluster in flight at once").isEmpty();
    assertThat(record.get("refusals")).as("changes PKS refused: the orchestrator sent one while another ran")
        .isEmpty();
    for (JsonNode c : record.get("changes")) {
      assertThat(c.get("result").asText()).as("change %s", c).isNotEqualTo("in flight");
    }
  }

  private void noDuplicateCluster() {
    JsonNode changes = http.sim("GET", "/_sim/changes", null).get("changes");
    List<String> creates = new ArrayList<>();
    changes.forEach(c -> {
      if (c.get("action").asText().equals("CREATE")) {
        creates.add(c.get("cluster").asText());
      }
    });
    assertThat(creates).as("each requested cluster created exactly once").containsExactlyInAnyOrder("soak-alpha",
        "soak-bravo");
    for (String ticket : List.of("SOAK-C1", "SOAK-C2")) {
      JsonNode op = http.appJson("GET", "/api/v1/operations/" + ticketOperations.get(ticket), "operator", null);
      assertThat(op.path("outcome").asText()).as("creation %s: %s", ticket, op.path("outcomeMessage").asText())
          .isEqualTo("created");
    }
  }

  private void noOperationLost() {
    JsonNode incidents = http.appJson("GET", "/engine-rest/incident", "admin", null);
    assertThat(incidents).as("incidents (an operation stuck on a technical failure)").isEmpty();
    List<String> lost = runningWithoutTask();
    assertThat(lost).as("running operations neither ended nor waiting at a visible task").isEmpty();
    for (Map.Entry<String, String> t : ticketOperations.entrySet()) {
      JsonNode op = http.appJson("GET", "/api/v1/operations/" + t.getValue(), "operator", null);
      assertThat(op.path("operationId").asText()).as("operation of ticket %s", t.getKey()).isEqualTo(t.getValue());
    }
  }

  /** Running operations of the three processes with no open task (neither ended nor waiting for a person). */
  private List<String> runningWithoutTask() {
    List<String> busy = new ArrayList<>();
    for (JsonNode pi : http.appJson("GET", "/engine-rest/history/process-instance?unfinished=true&"
        + "processDefinitionKeyIn=" + String.join(",", OPERATION_KEYS), "admin", null)) {
      String id = pi.get("id").asText();
      if (http.appJson("GET", "/engine-rest/task?processInstanceId=" + id, "admin", null).size() == 0) {
        JsonNode last = http.appJson("GET", "/engine-rest/history/activity-instance?processInstanceId=" + id
            + "&sortBy=startTime&sortOrder=desc&maxResults=1", "admin", null);
        busy.add(pi.get("processDefinitionKey").asText() + " " + id + " at "
            + (last.size() == 0 ? "?" : last.get(0).get("activityId").asText()));
      }
    }
    return busy;
  }

  private void upgradeUpgradedEveryCluster() throws Exception {
    String id = ticketOperations.get("SOAK-U1");
    assertThat(id).as("an upgrade was accepted").isNotNull();
    JsonNode op = http.appJson("GET", "/api/v1/operations/" + id, "operator", null);
    assertThat(op.path("outcome").asText()).as("upgrade outcome: %s", op.path("outcomeMessage").asText())
        .isEqualTo("upgraded");
    JsonNode vars = http.appJson("GET", "/engine-rest/history/variable-instance?processInstanceId=" + id
        + "&variableName=upgradeReport&deserializeValues=false", "admin", null);
    JsonNode report = SoakHttp.JSON.readTree(vars.get(0).get("value").asText());
    List<String> results = new ArrayList<>();
    report.get("clusters").forEach(c -> results.add(c.get("name").asText() + "=" + c.get("result").asText()));
    // every cluster the upgrade selected ("all" when it was approved: the lab's five, and soak-alpha once created)
    assertThat(results).as("report rows").hasSizeGreaterThanOrEqualTo(5).allMatch(r -> r.endsWith("=upgraded"));
    count("upgraded-clusters", results.size());
  }

  private void servingMinimumKept(Instant checkedAt) {
    Map<String, Instant> createdAt = new TreeMap<>();
    for (JsonNode c : http.sim("GET", "/_sim/changes", null).get("changes")) {
      if (c.get("action").asText().equals("CREATE") && !c.get("endedAt").isNull()) {
        createdAt.put(c.get("cluster").asText(), Instant.parse(c.get("endedAt").asText()));
      }
    }
    for (Map.Entry<String, Integer> min : MIN_WORKERS.entrySet()) {
      Instant from = createdAt.getOrDefault(min.getKey(), t0);
      if (from.isBefore(t0)) {
        from = t0;
      }
      JsonNode serving = http.sim("GET", "/_sim/serving/" + min.getKey() + "?from=" + from + "&to=" + checkedAt,
          null);
      int lowest = serving.get("minServingWorkers").asInt();
      assertThat(lowest).as("%s served by at least %d workers (min-workers %d, one recreated at a time)",
          min.getKey(), min.getValue() - 1, min.getValue()).isGreaterThanOrEqualTo(min.getValue() - 1);
    }
  }

  /** Rejected proposals from the engine's history; no forecast proposal of that kind inside the back-off. */
  private void noProposalInsideBackoff() {
    record Resize(String id, String cluster, int from, int to, String trigger, Double upper, Instant start,
        Instant end, String outcome) {
      boolean up() {
        return to > from;
      }
    }
    List<Resize> resizes = new ArrayList<>();
    for (JsonNode pi : http.appJson("GET", "/engine-rest/history/process-instance?processDefinitionKey="
        + "PredictiveResizeProcess", "admin", null)) {
      String id = pi.get("id").asText();
      Map<String, JsonNode> v = new TreeMap<>();
      for (JsonNode var : http.appJson("GET", "/engine-rest/history/variable-instance?processInstanceId=" + id,
          "admin", null)) {
        v.put(var.get("name").asText(), var.get("value"));
      }
      resizes.add(new Resize(id, v.get("clusterName").asText(), v.get("currentWorkers").asInt(),
          v.get("proposedWorkers").asInt(), v.get("trigger").asText(),
          v.containsKey("forecastUpperCores") && v.get("forecastUpperCores").isNumber()
              ? v.get("forecastUpperCores").asDouble() : null,
          date(pi.get("startTime")), pi.get("endTime").isNull() ? null : date(pi.get("endTime")),
          v.containsKey("outcome") ? v.get("outcome").asText() : null));
    }
    count("operation:forecast-resize", (int) resizes.stream().filter(r -> r.trigger().equals("forecast")).count());
    Duration backoffWall = Duration.ofMillis(Math.round(REJECTION_BACKOFF.toMillis() / SPEED));
    List<String> violations = new ArrayList<>();
    int rejected = 0;
    for (Resize r : resizes) {
      if (!"not-approved".equals(r.outcome()) || r.end() == null) {
        continue;
      }
      rejected++;
      for (Resize p : resizes) {
        boolean inside = p.start().isAfter(r.end()) && p.start().isBefore(r.end().plus(backoffWall));
        if (!inside || !p.trigger().equals("forecast") || !p.cluster().equals(r.cluster()) || p.up() != r.up()) {
          continue;
        }
        boolean needMovedOn = r.upper() != null && p.upper() != null
            && (r.up() ? p.upper() > r.upper() * (1 + REJECTION_MARGIN) : p.upper() < r.upper() * (1 - REJECTION_MARGIN));
        if (!needMovedOn) {
          violations.add(p.id() + " (" + p.cluster() + " " + p.from() + "->" + p.to() + ") " + Duration.between(
              r.end(), p.start()).toMillis() + " ms wall after rejected " + r.id());
        }
      }
    }
    count("rejected-proposals", rejected);
    assertThat(rejected).as("the operator rejected proposals (the back-off was exercised)").isPositive();
    assertThat(violations).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private void check(String name, ThrowingRunnable check, List<String> held, List<String> violated) {
    try {
      check.run();
      held.add(name);
    } catch (AssertionError | Exception e) {
      violated.add(name + ": " + e.getMessage().replaceAll("\\s+", " "));
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private int operationsTotal() {
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith("operation:"))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  private String operationsByKind() {
    return byPrefix("operation:");
  }

  private int conflictsAvoided() {
    int suppressed = 0;
    int leaseWaits = 0;
    try {
      for (JsonNode c : http.appJson("GET", "/api/v1/clusters", "operator", null)) {
        for (JsonNode s : c.path("suppressedProposals")) {
          suppressed += s.get("times").asInt();
        }
      }
      leaseWaits = http.appJson("GET", "/engine-rest/history/activity-instance/count?activityId="
          + "Event_LeaseWaitElapsed", "admin", null).get("count").asInt();
    } catch (IllegalStateException e) {
      log("could not count suppressions: " + e.getMessage());
    }
    count("conflict:proposal-not-started", suppressed);
    count("conflict:lease-wait", leaseWaits);
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith("conflict:"))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  private String conflictsByKind() {
    return byPrefix("conflict:");
  }

  private String byPrefix(String prefix) {
    StringBuilder b = new StringBuilder();
    counts.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        b.append(b.length() == 0 ? "" : ", ").append(k.substring(prefix.length())).append(' ').append(v.get());
      }
    });
    return b.toString();
  }

  /** Counts one more {@code key}. */
  private void count(String key) {
    count(key, 1);
  }

  private int value(String key) {
    return counts.computeIfAbsent(key, k -> new AtomicInteger()).get();
  }

  private void count(String key, int add) {
    counts.computeIfAbsent(key, k -> new AtomicInteger()).addAndGet(add);
  }

  private void log(String message) {
    String line = "[soak " + (t0 == null ? "-" : Duration.between(t0, http.simNow()).toString()) + "] " + message;
    System.out.println(line);
    summary.add(line);
  }

  private static Instant date(JsonNode value) {
    return OffsetDateTime.parse(value.asText(), ENGINE_DATE).toInstant();
  }
}
