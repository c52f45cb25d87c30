package io.pksorchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.platform.opsman.OmInstallation;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckInstallationDelegateTest {

  private final OpsManagerGateway om = mock(OpsManagerGateway.class);
  private final UpgradeProperties props = new UpgradeProperties();
  private final DelegateExecution ex = mock(DelegateExecution.class);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void given(String status, String deadline) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-29T01:00:00Z")));
    when(ex.getVariable(OperationVariables.FOUNDATION)).thenReturn("lab");
    when(ex.getVariable(Variables.INSTALLATION_ID)).thenReturn(42L);
    when(ex.getVariable(Variables.INSTALLATION_DEADLINE)).thenReturn(deadline);
    when(om.installation("lab", 42)).thenReturn(new OmInstallation(42, status, "pkso", null, null));
    when(om.installationLogs("lab", 42)).thenReturn("a\nb\nc");
  }

  @Test
  void aRunningInstallationPastItsDeadlineCountsAsFailedWithAnExplanation() {
    given("running", "2026-11-29T00:59:00Z");
    new CheckInstallationDelegate(om, props).execute(ex);
    verify(ex).setVariable(Variables.INSTALLATION_STATUS, "failed");
    verify(ex).setVariable(org.mockito.ArgumentMatchers.eq(Variables.INSTALLATION_LOG_TAIL),
        org.mockito.ArgumentMatchers.contains("pkso.upgrade.installation-timeout"));
  }

  @Test
  void aRunningInstallationBeforeItsDeadlineKeepsRunning() {
    given("running", "2026-11-29T02:00:00Z");
    new CheckInstallationDelegate(om, props).execute(ex);
    verify(ex).setVariable(Variables.INSTALLATION_STATUS, "running");
    verify(ex).setVariable(Variables.INSTALLATION_LOG_TAIL, "a\nb\nc");
  }

  @Test
  void theTailKeepsTheLastLinesWithinTheCharacterCap() {
    props.setLogTailLines(2);
    props.setLogTailMaxChars(5);
    CheckInstallationDelegate d = new CheckInstallationDelegate(om, props);
    assertThat(d.tail("one\ntwo\nthree")).isEqualTo("…hree");
    props.setLogTailMaxChars(100);
    assertThat(d.tail("one\ntwo\nthree")).isEqualTo("two\nthree");
    assertThat(d.tail(null)).isEmpty();
  }
}
