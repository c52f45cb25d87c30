package io.pksorchestrator.ticketing;

import static io.pksorchestrator.PlatformTestSupport.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.PlatformTestSupport;
import io.pksorchestrator.cluster.ClusterCreationProcess;
import io.pksorchestrator.cluster.ClusterCreationProcess.Elements;
import io.pksorchestrator.operations.OperationVariables;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * simulated foundation "lab": a ticketing system requests two clusters over {@code /api/v1}; the operator logs in
 * to Tasklist, opens the "Open approvals" filter, opens one cluster creation approval, checks the facts
 * the form shows, approves and completes it; the process goes on to create the cluster. The same browser session
 * then opens the fleet overview at {@code /}: the lab foundation, the operation still waiting for approval, and a
 * lab cluster with its forecast chart.
 * Screenshots (and on failure the page source) go to {@code target/browser/}. A missing browser or driver fails
 * the test: the build installs them ({@code scripts/test-setup.sh}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:pkso-tasklist-browser;DB_CLOSE_DELAY=-1",
    "pkso.simulator.enabled=true"})
class TasklistBrowserIT {

  static final Path OUTPUT = Path.of("target", "browser");
  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String OPERATOR_PASSWORD = PlatformTestSupport.random();
  static final String TICKETING_PASSWORD = PlatformTestSupport.random();
  static final int SIMULATOR_PORT = PlatformTestSupport.freePort();
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final ObjectMapper JSON = new ObjectMapper();

  static final String APPROVED_CLUSTER = "browser-approved";
  static final String APPROVED_TICKET = "CHG-BROWSER-1";
  static final String WAITING_CLUSTER = "browser-waiting";
  static final String WAITING_TICKET = "CHG-BROWSER-2";
  static final String COMMENT = "Capacity checked, approved in the browser test";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pkso.simulator.port", () -> SIMULATOR_PORT);
    registry.add("pkso.security.admin-password", PlatformTestSupport::random);
    registry.add("pkso.security.operator-password", () -> OPERATOR_PASSWORD);
    registry.add("pkso.security.ticketing-password", () -> TICKETING_PASSWORD);
  }

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

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
  void operatorApprovesAClusterCreationInTasklistAndSeesTheFleetOverview() throws Exception {
    String approvedId = requestCluster(APPROVED_CLUSTER, "small", 2, APPROVED_TICKET);
    String waitingId = requestCluster(WAITING_CLUSTER, "medium", 3, WAITING_TICKET);
    // the browser starts while the engine validates both requests against the foundation
    browser = HeadlessChromium.start(OUTPUT, url(TASKLIST), "#/login", PATIENCE);
    driver = browser.driver();
    awaitApprovalTask(approvedId);
    awaitApprovalTask(waitingId);
    try {
      approveInTasklist();
      assertProcessMovedOn(approvedId);
      checkFleetOverview(waitingId);
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
        "Requested by", "ticketing", "Ticket", APPROVED_TICKET, "Approve: create this cluster", "Comment");

    claim(wait);
    WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".fjs-form input[type='checkbox']")));
    approve.click();
    wait.until(d -> approve.isSelected());
    browser.typeInto(wait, By.cssSelector(".fjs-form textarea"), COMMENT);
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='Complete']")));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
    browser.screenshot("tasklist-approval.png");
    complete.click();
    // Tasklist drops the completed task from the filter's list
    wait.until(ExpectedConditions.invisibilityOfElementLocated(approvedItem));
    browser.screenshot("tasklist-after-approval.png");
  }

  /** An unclaimed task's form is read-only in Tasklist ("Complete" disabled): claim it first. */
  private void claim(WebDriverWait wait) {
    By claim = By.cssSelector(".claim");
    wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
    wait.ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(claim).stream().noneMatch(WebElement::isDisplayed));
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
    assertThat(variable(processInstanceId, OperationVariables.DECISION_COMMENT)).isEqualTo(COMMENT);
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
