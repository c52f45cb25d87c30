package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * TEST ONLY: Debian's chromium, headless, driven by Debian's chromedriver with a fresh profile; screenshots and
 * diagnostics under one output folder. {@link #close()} quits the browser and the driver and removes the profile.
 */
final class HeadlessChromium implements AutoCloseable {

  /** Debian's packages; elsewhere {@code -Dpkso.browser-test.chromium=...} and {@code -D...chromedriver=...}. */
  static final Path CHROMIUM = Path.of(System.getProperty("pkso.browser-test.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("pkso.browser-test.chromedriver",
      "/usr/bin/chromedriver"));

  private final Path output;
  private final Path profile;
  private final ChromeDriverService service;
  private final WebDriver driver;

  private HeadlessChromium(Path output) throws IOException {
    this.output = Files.createDirectories(output);
    this.profile = Files.createTempDirectory("pkso-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Without the networking switches Chromium's background connections meet the closed network of CI hosts;
    // --no-sandbox because CI runs as root.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
        "--disable-sync", "--window-size=1440,1300", "--user-data-dir=" + profile);
    // An explicit driver executable: Selenium Manager never runs (it would try to download one).
    this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withLogFile(output.resolve("chromedriver.log").toFile()).build();
    WebDriver started;
    try {
      started = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      FileSystemUtils.deleteRecursively(profile.toFile());
      throw e;
    }
    this.driver = started;
  }

  /** Fails (never skips) when the browser or the driver is not installed. */
  static void requireInstalled() {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as("The browser test needs %s and %s: install the Debian packages chromium and chromium-driver"
            + " (the build installs them when it may: scripts/test-setup.sh)", CHROMIUM, CHROMEDRIVER).isTrue();
  }

  /**
   * Starts the browser and readies a tab for input. Seen with Chromium 156 headless: the first tab that loads a
   * Camunda webapp receives no input events at all (neither keys nor clicks reach the page; CDP's
   * {@code Input.insertText} does), while every tab opened after it works normally. So a first tab loads
   * {@code warmUpUrl} (a webapp page that ends on {@code warmUpUrlFragment}) and the caller works in a second one.
   */
  static HeadlessChromium start(Path output, String warmUpUrl, String warmUpUrlFragment, Duration patience)
      throws IOException {
    HeadlessChromium browser = new HeadlessChromium(output);
    try {
      browser.driver.get(warmUpUrl);
      new WebDriverWait(browser.driver, patience).until(ExpectedConditions.urlContains(warmUpUrlFragment));
      browser.driver.switchTo().newWindow(WindowType.TAB);
      return browser;
    } catch (RuntimeException e) {
      browser.close();
      throw e;
    }
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * Types into a field until its value is the text: Angular may render the field again meanwhile, and a browser
   * that drops key events fails here with a clear message instead of later.
   */
  void typeInto(WebDriverWait wait, By field, String text) {
    wait.ignoring(StaleElementReferenceException.class)
        .withMessage("the text typed into " + field + " never arrived (does the browser deliver key events?)")
        .until(d -> typed(d.findElement(field), text));
  }

  private static boolean typed(WebElement input, String text) {
    if (!text.equals(input.getDomProperty("value"))) {
      input.clear();
      input.sendKeys(text);
    }
    return text.equals(input.getDomProperty("value"));
  }

  void screenshot(String name) throws IOException {
    Files.write(output.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** A screenshot and the current URL and page source, as {@code failure.png} and {@code failure.html}. */
  void saveDiagnostics() {
    try {
      screenshot("failure.png");
      Files.writeString(output.resolve("failure.html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
    } catch (RuntimeException | IOException e) {
      System.err.println("Could not save the browser's state: " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }
}
