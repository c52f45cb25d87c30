package io.pksorchestrator.operations;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The operators' input contract: one decision variable, a comment when rejecting, choices from the model. */
class OperatorDecisionTest {

  @Test
  void anApprovalNeedsAnExplicitDecisionAndARejectionAComment() {
    assertThatCode(() -> OperatorDecision.checkApproval("Task_ApproveX", "approve", null)).doesNotThrowAnyException();
    assertThatCode(() -> OperatorDecision.checkApproval("Task_ApproveX", "reject", "not now"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> OperatorDecision.checkApproval("Task_ApproveX", null, null))
        .isInstanceOf(OperatorInputException.class)
        .hasMessage("Operator input: task Task_ApproveX expects the variables decision (String: 'approve' or"
            + " 'reject') and decisionComment (String, required when rejecting); decision is missing. The task stays"
            + " open.");
    assertThatThrownBy(() -> OperatorDecision.checkApproval("Task_ApproveX", Boolean.TRUE, null))
        .hasMessageContaining("decision is true (Boolean)");
    assertThatThrownBy(() -> OperatorDecision.checkApproval("Task_ApproveX", "yes", null))
        .hasMessageContaining("decision is 'yes'");
    assertThatThrownBy(() -> OperatorDecision.checkApproval("Task_ApproveX", "reject", ""))
        .hasMessageContaining("decisionComment is '' (blank): a rejection needs a comment saying why");
    assertThatThrownBy(() -> OperatorDecision.checkApproval("Task_ApproveX", "reject", 42L))
        .hasMessageContaining("decisionComment is 42 (Long)");
  }

  @Test
  void anOperatorTasksChoiceMustBeOneOfTheModelsValues() {
    List<String> allowed = OperatorDecision.values("retry, stop");
    assertThatCode(() -> OperatorDecision.checkChoice("Task_ResolveX", "resolution", allowed, "stop"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> OperatorDecision.checkChoice("Task_ResolveX", "resolution", allowed, null))
        .hasMessage("Operator input: task Task_ResolveX expects the variable resolution (String: 'retry' or"
            + " 'stop'); resolution is missing. The task stays open.");
    assertThatThrownBy(() -> OperatorDecision.checkChoice("Task_ResolveX", "resolution", allowed, "later"))
        .hasMessageContaining("resolution is 'later'");
  }
}
