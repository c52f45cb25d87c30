package io.pksorchestrator.ticketing;

import static io.pksorchestrator.PlatformTestSupport.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.fixtures.StemcellArchives;
import io.pksorchestrator.PlatformTestSupport;
import io.pksorchestrator.cluster.ClusterCreationProcess;
import io.pksorchestrator.cluster.ClusterCreationProcess.Elements;
import io.pksorchestrator.operations.OperationVariables;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import io.pksorchestrator.resize.ForecastChartRenderer;
import io.pksorchestrator.resize.PredictiveResizeProcess;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess;
import java.nio.file.Files;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real browser (Debian's headless chromium driven by chromedriver) in front of the whole application with the
 * simulated foundation "lab": a ticketing system requests two clusters, two resizes and a stemcell upgrade over
 * {@code /api/v1}; the operator logs in to Tasklist, opens the "Open approvals" filter, opens one cluster creation
 * approval, checks the facts the form shows, chooses "approve" and completes it; the process goes on to create the
 * cluster. The operator then approves a production resize with the forecast chart loaded in the approval form
 * (issue 13: the form renderer drops relative image URLs), rejects another resize with a comment, opens the fleet
 * overview at {@code /} (the lab foundation, the operation still waiting for approval, a lab cluster with its
 * forecast chart), and finally reads the canary results of the upgrade (approved over REST meanwhile) and continues
 * it. One application context for all of it: the browser test is the slowest class.
 * Screenshots (and on failure the page source) go to {@code target/browser/}. A missing browser or driver fails
 * the test: the build installs them ({@code scripts/test-setup.sh}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:pkso-tasklist-browser;DB_CLOSE_DELAY=-1",
    "pkso.simulator.enabled=true",
    // the cycle records recommendations (the charts) but starts no resize of its own next to the test's
    "pkso.resize.default-mode=forecast-only",
    "pkso.upgrade.cluster-poll-interval=2m", "pkso.upgrade.installation-poll-interval=1m"})
class TasklistBrowserIT {

  static final Path OUTPUT = Path.of("target", "browser");
  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String OPERATOR_PASSWORD = PlatformTestSupport.random();
  static final String TICKETING_PASSWORD = PlatformTestSupport.random();
  static final int SIMULATOR_PORT = PlatformTestSupport.freePort();
  /** A fixed port: the approval form's chart URL is absolute, from {@code pkso.ticketing.public-url}. */
  static final int SERVER_PORT = PlatformTestSupport.freePort();
  static final Path STEMCELLS = OUTPUT.toAbsolutePath().resolve("stemcells");
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final ObjectMapper JSON = new ObjectMapper();

  static final String APPROVED_CLUSTER = "browser-approved";
  static final String APPROVED_TICKET = "CHG-BROWSER-1";
  static final String WAITING_CLUSTER = "browser-waiting";
  static final String WAITING_TICKET = "CHG-BROWSER-2";
  static final String RESIZE_APPROVED_TICKET = "CHG-BROWSER-3";
  static final String RESIZE_REJECTED_TICKET = "CHG-BROWSER-4";
  static final String REJECTION = "Not before the quarter-end freeze ends, rejected in the browser test";
  static final String UPGRADE_TICKET = "CHG-BROWSER-5";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pkso.simulator.port", () -> SIMULATOR_PORT);
    registry.add("server.port", () -> SERVER_PORT);
    registry.add("pkso.ticketing.public-url", () -> "http://localhost:" + SERVER_PORT);
    registry.add("pkso.upgrade.stemcell-dir", STEMCELLS::toString);
    registry.add("pkso.security.admin-password", PlatformTestSupport::random);
    registry.add("pkso.security.operator-password", () -> OPERATOR_PASSWORD);
    registry.add("pkso.security.ticketing-password", () -> TICKETING_PASSWORD);
  }

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;

  private HeadlessChromium browser;
  private WebDriver driver;

  /** Before the application starts: a missing browser fails the test at once (it never skips). */
  @BeforeAll
  static void browserInstalled() {
    HeadlessChromium.requireInstalled();
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void operatorDecidesApprovalsInTasklistAndSeesTheFleetOverview() throws Exception {
    // the upgrade first: it has the longest way to its continuation (upload, Apply Changes, the canary)
    String upgradeId = requestUpgrade();
    String approvedId = requestCluster(APPROVED_CLUSTER, "small", 2, APPROVED_TICKET);
    String waitingId = requestCluster(WAITING_CLUSTER, "medium", 3, WAITING_TICKET);
    // production: approval required; a scale-down: approval required
    String resizeApprovedId = requestResize("payments-prod", 7, RESIZE_APPROVED_TICKET);
    String resizeRejectedId = requestResize("web-staging", 2, RESIZE_REJECTED_TICKET);
    // the browser starts while the engine validates the requests against the foundation
    browser = HeadlessChromium.start(OUTPUT, url(TASKLIST), "#/login", PATIENCE);
    driver = browser.driver();
    approveUpgradeOverRest(upgradeId);
    awaitApprovalTask(approvedId);
    awaitApprovalTask(waitingId);
    try {
      approveInTasklist();
      assertProcessMovedOn(approvedId);
      approveResizeSeeingTheChart(resizeApprovedId);
      rejectResizeWithAComment(resizeRejectedId);
      checkFleetOverview(waitingId);
      continueUpgradeAfterReadingTheCanaries(upgradeId);
    } catch (Throwable failure) {
      browser.saveDiagnostics();
      throw failure;
    }
  }

  // ------------------------------------------------------------------ browser steps

  private void approveInTasklist() throws IOException {
    WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
    driver.get(url(TASKLIST));
    // Tasklist routes to #/login and renders the form again: type only into the settled form, and check it took
    wait.until(ExpectedConditions.urlContains("#/login"));
    browser.typeInto(wait, By.cssSelector("input[ng-model='username']"), "operator");
    browser.typeInto(wait, By.cssSelector("input[ng-model='password']"), OPERATOR_PASSWORD);
    driver.findElement(By.cssSelector("form button[type='submit']")).click();
    wait.until(d -> !d.getCurrentUrl().contains("#/login"));

    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'task-filter')]//a"
        + "[contains(normalize-space(.),'" + TasklistFilters.OPEN_APPROVALS + "')]"))).click();
    By approvedItem = By.xpath("//li[contains(concat(' ',normalize-space(@class),' '),' task ')]"
        + "[.//*[contains(@class,'variable-item')][contains(normalize-space(.),'" + APPROVED_CLUSTER + "')]]");
    WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(approvedItem));
    // the card shows the facts that tell approvals apart without opening them: cluster and foundation first
    assertThat(item.getText()).contains("Approve cluster creation", "Cluster creation", "Cluster:", APPROVED_CLUSTER,
        "Foundation:", "lab");
    item.findElement(By.cssSelector("h4.task a")).click();

    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    wait.until(d -> form.getText().contains(APPROVED_CLUSTER));
    assertThat(form.getText()).contains("Approve cluster creation", "Foundation", "lab", "Cluster name",
        APPROVED_CLUSTER, "Plan", "small", "Workers", "2", "External hostname", APPROVED_CLUSTER + ".k8s.example.com",
        "Requested by", "ticketing", "Ticket", APPROVED_TICKET, "Approve: create this cluster",
        "Reject: do not create it");

    claim(wait);
    choose(wait, "Approve: create this cluster");
    complete(wait, "tasklist-approval.png");
    // Tasklist drops the completed task from the filter's list
    wait.until(ExpectedConditions.invisibilityOfElementLocated(approvedItem));
    browser.screenshot("tasklist-after-approval.png");
  }

  /** The resize approval shows the forecast chart, loaded as an image (not a broken one), before approving. */
  private void approveResizeSeeingTheChart(String processInstanceId) throws Exception {
    awaitRecommendation("payments-prod");
    String taskId = awaitTask(processInstanceId, PredictiveResizeProcess.Elements.TASK_APPROVE);
    WebDriverWait wait = claimAndReopen(openTask(taskId, "payments-prod"), taskId, "payments-prod");
    WebElement form = driver.findElement(By.cssSelector(".fjs-form"));
    assertThat(form.getText()).contains("Approve", "payments-prod", "Approve this resize", "Reject this resize");
    WebElement chart = form.findElement(By.cssSelector("img"));
    assertThat(chart.getAttribute("src")).isEqualTo(url("/api/v1/clusters/lab/payments-prod/forecast.png?proposed=7"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
    new WebDriverWait(driver, PATIENCE).withMessage("the forecast chart in the approval form never loaded")
        .until(d -> Boolean.TRUE.equals(
        ((JavascriptExecutor) d).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0",
            chart)));
    assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth", chart))
        .intValue()).isEqualTo(ForecastChartRenderer.WIDTH);
    browser.screenshot("tasklist-resize-approval-chart.png");
    choose(wait, "Approve this resize");
    complete(wait, "tasklist-resize-approval.png");
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    assertThat(variable(processInstanceId, OperationVariables.DECISION)).isEqualTo("approve");
  }

  /** Rejecting needs a comment: the form refuses to complete without one, then sends it. */
  private void rejectResizeWithAComment(String processInstanceId) throws Exception {
    String taskId = awaitTask(processInstanceId, PredictiveResizeProcess.Elements.TASK_APPROVE);
    WebDriverWait wait = claimAndReopen(openTask(taskId, "web-staging"), taskId, "web-staging");
    choose(wait, "Reject this resize");
    WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".fjs-form textarea")));
    assertThat(driver.findElement(By.cssSelector(".fjs-form")).getText()).contains("Why you reject (required)");
    // without the comment the form does not complete: the task stays open
    clickComplete(wait);
    wait.until(d -> !d.findElements(By.cssSelector(".fjs-form .fjs-form-field-error")).isEmpty());
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("completed without a comment").isOne();
    comment.sendKeys(REJECTION);
    complete(wait, "tasklist-resize-rejection.png");
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .count() == 0);
    assertThat(variable(processInstanceId, OperationVariables.DECISION)).isEqualTo("reject");
    assertThat(variable(processInstanceId, OperationVariables.DECISION_COMMENT)).isEqualTo(REJECTION);
    assertThat(variable(processInstanceId, OperationVariables.OUTCOME)).isEqualTo("not-approved");
    assertThat((String) variable(processInstanceId, OperationVariables.OUTCOME_MESSAGE)).contains(REJECTION);
  }

  /** "Canaries healthy, continue?" lists each canary with its result and timings; the operator continues. */
  private void continueUpgradeAfterReadingTheCanaries(String processInstanceId) throws Exception {
    String taskId = await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> tasks
        .createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(StemcellUpgradeProcess.Elements.APPROVE_CONTINUATION).singleResult(), t -> t != null).getId();
    WebDriverWait wait = claimAndReopen(openTask(taskId, "Canaries healthy"), taskId, "Canaries healthy");
    WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-form')]//table[.//td[contains(normalize-space(.),'batch-dev')]]")));
    assertThat(report.getText()).contains("Canary", "Result", "Started (UTC)", "Finished (UTC)", "Duration",
        "batch-dev", "upgraded", "1.412").doesNotContain("ml-train");
    assertThat(driver.findElement(By.cssSelector(".fjs-form")).getText())
        .contains("1 cluster(s) remain: ml-train");
    choose(wait, "Continue with the remaining clusters");
    complete(wait, "tasklist-upgrade-continuation.png");
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    assertThat(variable(processInstanceId, OperationVariables.DECISION)).isEqualTo("approve");
    // past the continuation: the remaining cluster is handed to PKS
    await().atMost(PATIENCE).until(() -> history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).activityId(StemcellUpgradeProcess.Elements.APPROVE_CONTINUATION)
        .finished().count() == 1);
  }

  /**
   * Claims the open task, then opens it again: Tasklist renders the form read-only until the task is claimed, and a
   * choice made in the read-only form shows as checked without reaching the form's data.
   */
  private WebDriverWait claimAndReopen(WebDriverWait wait, String taskId, String text) {
    claim(wait);
    driver.navigate().refresh();
    return openTask(taskId, text);
  }

  /** Opens a task by its Tasklist link (as the ticket's callback gives it) once the form shows {@code text}. */
  private WebDriverWait openTask(String taskId, String text) {
    WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
    driver.get(url(OperationLinks.tasklist(taskId)));
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    wait.ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains(text));
    return wait;
  }

  /**
   * Chooses one option of the form's radio group by its label; clicks again while the form is still read-only
   * (Tasklist renders it editable only a moment after the claim).
   */
  private void choose(WebDriverWait wait, String label) {
    By option = By.xpath("//*[contains(@class,'fjs-form')]//label[contains(normalize-space(.),'" + label + "')]"
        + "//input[@type='radio']");
    wait.until(ExpectedConditions.presenceOfElementLocated(option));
    new WebDriverWait(driver, PATIENCE, Duration.ofSeconds(1)).ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .withMessage("the option '" + label + "' never became selected").until(d -> {
          WebElement input = d.findElement(option);
          if (!input.isSelected() && input.isEnabled()) {
            WebElement optionLabel = input.findElement(By.xpath("./ancestor::label[1]"));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", optionLabel);
            optionLabel.click();
          }
          return d.findElement(option).isSelected();
        });
  }

  private void complete(WebDriverWait wait, String screenshot) throws IOException {
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='Complete']")));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
    browser.screenshot(screenshot);
    clickComplete(wait);
  }

  /**
   * Clicks "Complete" once it is in view (Tasklist's footer covers the bottom of the form pane). Tasklist's error
   * notification of a refused attempt stays over the button and cannot be closed: then the click goes to the button
   * itself, as a user's would after scrolling.
   */
  private void clickComplete(WebDriverWait wait) {
    By button = By.xpath("//button[normalize-space()='Complete']");
    new WebDriverWait(driver, PATIENCE, Duration.ofMillis(500)).ignoring(StaleElementReferenceException.class)
        .until(d -> {
          WebElement complete = d.findElement(button);
          ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
          try {
            complete.click();
          } catch (ElementClickInterceptedException covered) {
            ((JavascriptExecutor) d).executeScript("arguments[0].click()", complete);
          }
          return true;
        });
  }

  /** An unclaimed task's form is read-only in Tasklist ("Complete" disabled): claim it first. */
  private void claim(WebDriverWait wait) {
    By claim = By.cssSelector(".claim");
    wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
    // a click that lands while Tasklist still binds the task's header is lost: click again until it took
    new WebDriverWait(driver, PATIENCE, Duration.ofSeconds(3)).ignoring(StaleElementReferenceException.class)
        .withMessage("Tasklist never showed the task as claimed").until(d -> {
          List<WebElement> shown = d.findElements(claim).stream().filter(WebElement::isDisplayed).toList();
          shown.forEach(c -> ((JavascriptExecutor) d).executeScript("arguments[0].click()", c));
          return shown.isEmpty();
        });
  }

  private void checkFleetOverview(String waitingId) throws IOException {
    WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
    By paymentsCard = By.cssSelector("#clusters [data-cluster='lab/payments-prod']");
    driver.get(url("/"));
    // managed clusters appear with the first forecasting cycle (the lab runs one shortly after start-up): load
    // the page again until the cycle has been
    new WebDriverWait(driver, PATIENCE, Duration.ofSeconds(2)).ignoring(StaleElementReferenceException.class)
        .withMessage("the fleet overview never listed the lab's cluster payments-prod").until(d -> {
      if (d.findElements(paymentsCard).isEmpty() && !d.findElements(By.cssSelector("#status")).isEmpty()
          && d.findElement(By.id("status")).getText().startsWith("Updated")) {
        d.navigate().refresh();
      }
      return !d.findElements(paymentsCard).isEmpty();
    });
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Updated"));
    assertThat(driver.getTitle()).contains("Fleet overview");
    WebElement lab = driver.findElement(By.cssSelector("#foundations [data-foundation='lab']"));
    assertThat(lab.getText()).contains("lab", "small", "medium", "large");
    WebElement waiting = driver.findElement(By.cssSelector("#operations tr[data-operation='" + waitingId + "']"));
    assertThat(waiting.getText()).contains("Cluster creation", WAITING_TICKET, "lab", "waiting-for-approval",
        "Approve cluster creation", "ticketing");
    assertThat(waiting.findElement(By.linkText("Tasklist: Approve cluster creation")).getAttribute("href"))
        .contains("/camunda/app/tasklist/default/");
    WebElement payments = driver.findElement(paymentsCard);
    assertThat(payments.getText()).contains("payments-prod", "plan medium", "current workers", "recommended");
    // the rejected resize is no "Last resize": it changed nothing
    WebElement staging = driver.findElement(By.cssSelector("#clusters [data-cluster='lab/web-staging']"));
    assertThat(staging.getText()).contains("Last proposal: 3 → 2, not applied (not-approved")
        .doesNotContain("Last resize: 3 → 2");
    WebElement chart = payments.findElement(By.tagName("img"));
    assertThat(chart.getAttribute("src")).contains("/api/v1/clusters/lab/payments-prod/forecast.png");
    // the forecast chart is fetched with the Tasklist login's session: it must arrive as a real image
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
    wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", chart)));
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    browser.screenshot("fleet-overview.png");
  }

  // ------------------------------------------------------------------ engine and API side

  private String requestCluster(String name, String plan, int workers, String ticket) throws Exception {
    String body = """
        {"foundation":"lab","clusterName":"%s","planName":"%s","workerCount":%d,
         "externalHostname":"%s.k8s.example.com","ticketId":"%s"}""".formatted(name, plan, workers, name, ticket);
    HttpResponse<String> response = PlatformTestSupport.send(PlatformTestSupport.postJson(
        url("/api/v1/cluster-requests"), body).header("Authorization", basic("ticketing", TICKETING_PASSWORD)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).get("operationId").asText();
  }

  private String requestResize(String cluster, int workers, String ticket) throws Exception {
    String body = """
        {"foundation":"lab","clusterName":"%s","proposedWorkers":%d,"reason":"browser test","ticketId":"%s"}"""
        .formatted(cluster, workers, ticket);
    return accepted(PlatformTestSupport.send(PlatformTestSupport.postJson(url("/api/v1/resize-requests"), body)
        .header("Authorization", basic("ticketing", TICKETING_PASSWORD))));
  }

  /** Upgrades batch-dev (the canary) and ml-train, one at a time, to a stemcell file; confirmation after canaries. */
  private String requestUpgrade() throws Exception {
    Files.createDirectories(STEMCELLS);
    Path stemcell = StemcellArchives.tgz(
        STEMCELLS.resolve("bosh-stemcell-1.412-vsphere-esxi-ubuntu-jammy-go_agent.tgz"), "1.412");
    String body = """
        {"foundation":"lab","stemcellVersion":"1.412","stemcellOs":"ubuntu-jammy","stemcellSource":"%s",
         "clusters":["batch-dev","ml-train"],"canaries":["batch-dev"],"maxInFlight":1,"ticketId":"%s"}"""
        .formatted(stemcell, UPGRADE_TICKET);
    return accepted(PlatformTestSupport.send(PlatformTestSupport.postJson(url("/api/v1/stemcell-upgrades"), body)
        .header("Authorization", basic("ticketing", TICKETING_PASSWORD))));
  }

  private static String accepted(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).get("operationId").asText();
  }

  /** The change approval of the upgrade over the engine's REST API, as the operator: decision and comment. */
  private void approveUpgradeOverRest(String processInstanceId) {
    String taskId = awaitTask(processInstanceId, StemcellUpgradeProcess.Elements.APPROVE_UPGRADE);
    HttpResponse<String> done = PlatformTestSupport.send(PlatformTestSupport.postJson(
        url("/engine-rest/task/" + taskId + "/complete"), "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}")
        .header("Authorization", basic("operator", OPERATOR_PASSWORD)));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  private String awaitTask(String processInstanceId, String key) {
    return await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult(), t -> t != null).getId();
  }

  /** The chart needs the forecasting cycle's record of the cluster (the lab runs one shortly after start-up). */
  private void awaitRecommendation(String cluster) {
    await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> PlatformTestSupport.send(
        PlatformTestSupport.get(url("/api/v1/clusters/lab/" + cluster))
            .header("Authorization", basic("operator", OPERATOR_PASSWORD))).statusCode() == 200);
  }

  private void awaitApprovalTask(String processInstanceId) {
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(Elements.APPROVE).count() == 1);
  }

  private void assertProcessMovedOn(String processInstanceId) throws Exception {
    assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(Elements.APPROVE)
        .count()).as("open approval tasks").isZero();
    var approval = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(Elements.APPROVE).singleResult();
    assertThat(approval.getEndTime()).isNotNull();
    assertThat(approval.getAssignee()).isEqualTo("operator");
    assertThat(variable(processInstanceId, OperationVariables.DECISION)).isEqualTo("approve");
    // past the approval: the cluster creation was submitted to the foundation ...
    await().atMost(PATIENCE).until(() -> history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).activityId(Elements.CREATE).finished().count() == 1);
    assertThat(variable(processInstanceId, ClusterCreationProcess.Variables.CLUSTER_UUID)).isNotNull();
    // ... and the ticketing API no longer reports it as waiting for approval
    JsonNode operation = apiGet("/api/v1/operations/" + processInstanceId);
    assertThat(operation.get("state").asText()).isIn("running", "succeeded");
    assertThat(operation.get("pendingApprovals")).isEmpty();
  }

  private JsonNode apiGet(String path) throws IOException {
    HttpResponse<String> response = PlatformTestSupport.send(PlatformTestSupport.get(url(path))
        .header("Authorization", basic("operator", OPERATOR_PASSWORD)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private Object variable(String processInstanceId, String name) {
    var v = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
        .singleResult();
    return v == null ? null : v.getValue();
  }

  // ------------------------------------------------------------------ helpers

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

}
