package io.pksorchestrator.resize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The approval policy table, rule by rule. */
class ResizeApprovalDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = ResizeApprovalDecisionTest.class.getResourceAsStream("/dmn/ResizeApproval.dmn")) {
      decision = dmn.parseDecision(PredictiveResizeProcess.DECISION_KEY, in);
    }
  }

  @ParameterizedTest(name = "production={0} {1} by {2} ({3}) -> approval {4}")
  @CsvSource({
      "false, up,   1, forecast, false",
      "false, up,   5, forecast, false",
      "false, up,   5, manual,   false",
      "false, up,   6, forecast, true",
      "false, up,  12, manual,   true",
      "false, down, 1, forecast, true",
      "false, down, 1, manual,   true",
      "true,  up,   1, forecast, true",
      "true,  down, 3, manual,   true",
      "false, up,   2, other,    true",
  })
  void decidesWhetherAnOperatorMustApprove(boolean production, String direction, int delta, String trigger,
      boolean expected) {
    Object result = dmn.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("productionCluster", production).putValue("direction", direction)
        .putValue("workerDelta", delta).putValue("trigger", trigger)).getSingleEntry();
    assertThat(result).isEqualTo(expected);
  }
}
