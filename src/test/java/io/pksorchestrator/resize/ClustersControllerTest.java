package io.pksorchestrator.resize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.ForecastStatus;
import io.pksorchestrator.forecast.Forecaster;
import io.pksorchestrator.platform.metrics.DemandSample;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.operations.LeaseHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The clusters API and the forecast chart over real tables (H2), without a Spring context. */
class ClustersControllerTest {

  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  private MockMvc mvc;
  private ResizeProperties settings;
  private final List<Duration> horizons = new ArrayList<>();

  @BeforeEach
  void setUp() {
    JdbcTemplate jdbc = TestDatabase.create();
    settings = new ResizeProperties();
    DemandHistoryStore history = new DemandHistoryStore(jdbc);
    RecommendationStore recommendations = new RecommendationStore(jdbc);
    ResizeOutcomeStore outcomes = new ResizeOutcomeStore(jdbc);
    List<DemandSample> samples = new ArrayList<>();
    for (Instant t = NOW.minus(Duration.ofDays(2)); !t.isAfter(NOW); t = t.plus(Duration.ofMinutes(5))) {
      samples.add(new DemandSample(t, 20 + 10 * Math.sin(t.getEpochSecond() / 86400.0 * 2 * Math.PI)));
    }
    history.merge("lab", "web-staging", samples, null);
    recommendations.save(new Recommendation("lab", "web-staging", NOW, NOW, ClusterMode.FORECAST_AND_SCALE,
        "medium", 3, 6, 4, "READY", "stub", 25.0, 33.5, 8.0, RecommendationAction.RESIZE_STARTED,
        "forecast needs 6 workers"));
    outcomes.record(new ResizeOutcomeRecord("pi-7", "lab", "web-staging", NOW, NOW, 3, 6, "forecast", 33.5,
        "resized", "Resized lab/web-staging from 3 to 6 workers"));
    Forecaster forecaster = (h, horizon) -> {
      horizons.add(horizon);
      int n = (int) (horizon.toMillis() / h.step().toMillis());
      double[] mean = new double[n];
      Arrays.fill(mean, 30);
      double[] lower = mean.clone();
      Arrays.fill(lower, 25);
      double[] upper = mean.clone();
      Arrays.fill(upper, 36);
      return new Forecast(ForecastStatus.READY, "stub", h.end().plus(h.step()), h.step(), mean, lower, upper,
          0.95, 1.0);
    };
    jdbc.execute("CREATE TABLE ACT_RU_EXECUTION (ID_ VARCHAR(64) PRIMARY KEY)"); // lease liveness (engine stand-in)
    jdbc.update("INSERT INTO ACT_RU_EXECUTION (ID_) VALUES ('upgrade-9')");
    ClusterLeases leases = new ClusterLeases(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
    leases.acquire("lab", List.of("web-staging"), new LeaseHolder("upgrade-9", LeaseHolder.UPGRADE, "CHG-9"));
    SuppressionStore suppressions = new SuppressionStore(jdbc);
    suppressions.record("lab", "web-staging", NOW, NOW, 3, 6, new ProposalSuppression(RecommendationAction.LEASED,
        "the cluster is held by upgrade CHG-9 (operation upgrade-9)", "upgrade-9"));
    ClusterOverview overview = new ClusterOverview(recommendations, outcomes, history, forecaster,
        new ForecastChartRenderer(), settings, leases, suppressions);
    // the API's one error handler answers the controller's problems, as in the application
    mvc = MockMvcBuilders.standaloneSetup(new ClustersController(overview))
        .setControllerAdvice(new io.pksorchestrator.ticketing.ProblemHandler()).build();
  }

  @Test
  void listsManagedClustersWithForecastRecommendationAndLastResize() throws Exception {
    mvc.perform(get("/api/v1/clusters")).andExpect(status().isOk())
        .andExpect(jsonPath("$[0].foundation").value("lab"))
        .andExpect(jsonPath("$[0].name").value("web-staging"))
        .andExpect(jsonPath("$[0].mode").value("forecast-and-scale"))
        .andExpect(jsonPath("$[0].currentWorkers").value(3))
        .andExpect(jsonPath("$[0].recommendedWorkers").value(6))
        .andExpect(jsonPath("$[0].forecast.upperCores").value(33.5))
        .andExpect(jsonPath("$[0].lastResize.outcome").value("resized"))
        .andExpect(jsonPath("$[0].chart").value("/api/v1/clusters/lab/web-staging/forecast.png"))
        .andExpect(jsonPath("$[0].heldBy.operationId").value("upgrade-9"))
        .andExpect(jsonPath("$[0].heldBy.operation").value("upgrade"))
        .andExpect(jsonPath("$[0].heldBy.self").value("/api/v1/operations/upgrade-9"))
        .andExpect(jsonPath("$[0].suppressedProposals[0].kind").value("LEASED"))
        .andExpect(jsonPath("$[0].suppressedProposals[0].proposedWorkers").value(6))
        .andExpect(jsonPath("$[0].suppressedProposals[0].reason").value(
            org.hamcrest.Matchers.containsString("held by upgrade CHG-9")));
    mvc.perform(get("/api/v1/clusters/lab/web-staging")).andExpect(status().isOk())
        .andExpect(jsonPath("$.lastResize.toWorkers").value(6));
  }

  @Test
  void unknownClusterIsA404ProblemAlsoForTheChart() throws Exception {
    mvc.perform(get("/api/v1/clusters/lab/nope")).andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'nope'")))
        .andExpect(jsonPath("$.cluster").value("nope"));
    mvc.perform(get("/api/v1/clusters/lab/nope/forecast.png").accept(MediaType.IMAGE_PNG))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void chartIsAPngWithTheProposal() throws Exception {
    byte[] png = mvc.perform(get("/api/v1/clusters/lab/web-staging/forecast.png?proposed=7")
        .accept(MediaType.IMAGE_PNG)).andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.IMAGE_PNG))
        .andReturn().getResponse().getContentAsByteArray();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(ForecastChartRenderer.WIDTH);
    assertThat(image.getHeight()).isEqualTo(ForecastChartRenderer.HEIGHT);
    Path out = Path.of("target", "forecast-chart-example.png");
    Files.createDirectories(out.getParent());
    Files.write(out, png);
  }

  /**
   * Issue 13: the lab's decision looks a day ahead (decision-interval P1D), the chart showed 6 hours and missed the
   * peak behind the proposal. The chart's forecast now covers the decision horizon.
   */
  @Test
  void chartCoversTheHorizonTheDecisionLookedAt() throws Exception {
    settings.setDecisionInterval(Duration.ofDays(1));
    mvc.perform(get("/api/v1/clusters/lab/web-staging/forecast.png").accept(MediaType.IMAGE_PNG))
        .andExpect(status().isOk());
    assertThat(horizons).last().isEqualTo(Duration.ofDays(1).plus(settings.getLeadTime()));
    settings.setDecisionInterval(Duration.ofMinutes(5));
    mvc.perform(get("/api/v1/clusters/lab/web-staging/forecast.png").accept(MediaType.IMAGE_PNG))
        .andExpect(status().isOk());
    assertThat(horizons).last().as("chart-horizon when the decision looks less far").isEqualTo(Duration.ofHours(6));
  }

  @Test
  void thePeakWithinTheDecisionHorizonIsMarked() {
    Instant start = NOW.plus(Duration.ofMinutes(5));
    double[] upper = {10, 12, 30, 14, 50};
    Forecast f = new Forecast(ForecastStatus.READY, "stub", start, Duration.ofMinutes(5), upper.clone(),
        upper.clone(), upper, 0.95, 1.0);
    var peak = ForecastChartRenderer.peak(f, Duration.ofMinutes(20)).orElseThrow();
    assertThat(peak.cores()).as("the 50 lies beyond the horizon").isEqualTo(30);
    assertThat(peak.at()).isEqualTo(start.plus(Duration.ofMinutes(10)));
    assertThat(peak.label()).isEqualTo("Peak 30.0 cores at 11-20 12:15Z");
    assertThat(ForecastChartRenderer.peak(f, Duration.ofHours(1)).orElseThrow().cores()).isEqualTo(50);
    assertThat(ForecastChartRenderer.peak(null, Duration.ofHours(1))).isEmpty();
  }

  @Test
  void tailKeepsTheLastSpan() {
    io.pksorchestrator.forecast.DemandSeries s = new io.pksorchestrator.forecast.DemandSeries(NOW,
        Duration.ofMinutes(5), new double[] {1, 2, 3, 4});
    io.pksorchestrator.forecast.DemandSeries t = ClusterOverview.tail(s, Duration.ofMinutes(10));
    assertThat(t.values()).containsExactly(2, 3, 4);
    assertThat(t.start()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }
}
