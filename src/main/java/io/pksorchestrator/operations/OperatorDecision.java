package io.pksorchestrator.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The input contract of the operators' tasks, checked inside the engine when a task completes (a {@code complete}
 * task listener, {@code camunda:class="io.pksorchestrator.operations.OperatorDecision"}): the same for every
 * process, so a REST client, Tasklist and a fourth process meet one rule.
 *
 * <ul>
 *   <li>Approval gates ({@link OperationVariables#APPROVAL_TASK_PREFIX}): {@code decision} (String, {@code approve}
 *       or {@code reject}) is required; {@code decisionComment} (String) is required when rejecting.
 *   <li>Other operator tasks declare their choice in the model as {@code camunda:properties}
 *       {@value #CHOICE_PROPERTY} (the variable) and {@value #VALUES_PROPERTY} (the allowed values, comma-separated);
 *       the variable is required and must be one of them.
 * </ul>
 * A violation throws {@link OperatorInputException} (the task stays open; HTTP 400) naming the expected variables
 * and their types.
 */
public class OperatorDecision implements TaskListener {

  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";
  /** Task property naming the variable of an operator task's choice. */
  public static final String CHOICE_PROPERTY = "pkso.choice";
  /** Task property listing the allowed values of that choice, comma-separated. */
  public static final String VALUES_PROPERTY = "pkso.choice-values";

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    if (key != null && key.startsWith(OperationVariables.APPROVAL_TASK_PREFIX)) {
      checkApproval(key, task.getVariable(OperationVariables.DECISION),
          task.getVariable(OperationVariables.DECISION_COMMENT));
      return;
    }
    String variable = property(task, CHOICE_PROPERTY);
    String values = property(task, VALUES_PROPERTY);
    if (variable != null && values != null) {
      checkChoice(key, variable, List.of(values.split("\\s*,\\s*")), task.getVariable(variable));
    }
  }

  /** Whether an approval's decision (already checked) approves. */
  public static boolean approves(Object decision) {
    return APPROVE.equals(decision);
  }

  /** Checks an approval gate's input; throws {@link OperatorInputException} naming what is expected. */
  static void checkApproval(String taskKey, Object decision, Object comment) {
    List<String> problems = new ArrayList<>();
    if (!(decision instanceof String d) || !(APPROVE.equals(d) || REJECT.equals(d))) {
      problems.add(OperationVariables.DECISION + " is " + describe(decision));
    } else if (REJECT.equals(d) && (!(comment instanceof String c) || c.isBlank())) {
      problems.add(OperationVariables.DECISION_COMMENT + " is " + describe(comment)
          + ": a rejection needs a comment saying why");
    }
    if (!problems.isEmpty()) {
      throw new OperatorInputException("task " + taskKey + " expects the variables " + OperationVariables.DECISION
          + " (String: '" + APPROVE + "' or '" + REJECT + "') and " + OperationVariables.DECISION_COMMENT
          + " (String, required when rejecting); " + String.join("; ", problems) + ". The task stays open.");
    }
  }

  /** Checks an operator task's choice against its allowed values. */
  static void checkChoice(String taskKey, String variable, List<String> allowed, Object value) {
    if (value instanceof String s && allowed.contains(s)) {
      return;
    }
    throw new OperatorInputException("task " + taskKey + " expects the variable " + variable + " (String: "
        + String.join(" or ", allowed.stream().map(v -> "'" + v + "'").toList()) + "); " + variable + " is "
        + describe(value) + ". The task stays open.");
  }

  static String describe(Object value) {
    if (value == null) {
      return "missing";
    }
    String text = value.toString();
    text = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return value instanceof String ? "'" + text + "'" + (text.isBlank() ? " (blank)" : "")
        : text + " (" + value.getClass().getSimpleName() + ")";
  }

  private static String property(DelegateTask task, String name) {
    UserTask element = task.getBpmnModelElementInstance();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }

  /** The allowed values of a comma-separated list (for tests and documentation). */
  static List<String> values(String list) {
    return Arrays.stream(list.split("\\s*,\\s*")).toList();
  }
}
