package io.pksorchestrator.operations;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the four-eyes rule's engine parts to every deployed model, as built-in listeners (never skipped): the
 * {@link FourEyesRequesterRecorder} at the start of every process, and {@link FourEyesTaskListener} for the
 * {@code assignment} event of every user task that declares the rule ({@link FourEyesRule#LISTENER_EXPRESSION} as
 * its {@code complete} listener).
 */
final class FourEyesParseListener extends AbstractBpmnParseListener {

  private final FourEyesRequesterRecorder recorder = new FourEyesRequesterRecorder();
  private final FourEyesTaskListener assignment = new FourEyesTaskListener();

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, recorder);
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
      return;
    }
    TaskDefinition task = behavior.getTaskDefinition();
    var complete = task.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
    boolean declared = complete != null && complete.stream().anyMatch(l -> l instanceof DelegateExpressionTaskListener d
            && FourEyesRule.LISTENER_EXPRESSION.equals(d.getExpressionText()));
    if (declared) {
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignment);
    }
  }
}
