package io.pksorchestrator.operations;

import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the facts of {@link FourEyesFacts} unchanged, inside the engine. The engine reports every variable creation,
 * update and removal as a history event the moment it happens (history level {@code audit} or {@code full}; the
 * plugin refuses to start under a lower level); this handler refuses, with an {@link AuthorizationException} that
 * rolls the command back, a change of a protected variable when
 * <ul>
 *   <li>an authenticated user runs the command (REST, the webapps, the Java API with a user), and
 *   <li>the change is the caller's input, not the process's own logic: outside any execution of the process
 *       (delegates, listeners, mappings run inside one), not a start variable of a new instance, and for a removal,
 *       an explicit variable removal,
 * </ul>
 * unless it is an approval decision written by completing an approval gate of the same instance, or a fact that
 * the completed task owns. Which command and which REST route made the change does not matter.
 */
final class FourEyesVariableGuard implements HistoryEventHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FourEyesVariableGuard.class);
  private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class);
  private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class);

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity change) || change.getProcessInstanceId() == null
        || !(change.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
            || change.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)
            || change.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE))) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    if (user == null || Context.getCoreExecutionContext() != null || Boolean.TRUE.equals(change.isInitial())) {
      return;
    }
    String processKey = change.getProcessDefinitionKey();
    String variable = change.getVariableName();
    FourEyesFacts.Kind kind = FourEyesFacts.kind(processKey, variable);
    if (kind == FourEyesFacts.Kind.NONE) {
      return;
    }
    Command<?> command = currentCommand();
    if (change.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)
        && !(command instanceof AbstractRemoveVariableCmd || command instanceof AbstractPatchVariablesCmd)) {
      return; // the scope ends (instance deleted or finished), no one removes the fact
    }
    TaskEntity completed = completedTask(context, command);
    if (completed != null && change.getProcessInstanceId().equals(completed.getProcessInstanceId())
        && FourEyesFacts.writtenByCompleting(processKey, completed.getTaskDefinitionKey(), variable)) {
      return;
    }
    LOG.warn("PKSO-SEC021 Refused a change of '{}' ({}) of process instance {} ({}) by user '{}'", variable,
        kind, change.getProcessInstanceId(), processKey, user);
    throw new AuthorizationException(FourEyesRule.factRefusal(user, variable, kind));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private static Command<?> currentCommand() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    return invocation == null ? null : invocation.getCommand();
  }

  /** The task that the running command completes (complete, resolve, submit-form), or null. */
  private static TaskEntity completedTask(CommandContext context, Command<?> command) {
    Field taskId = command instanceof CompleteTaskCmd ? COMPLETE_TASK_ID
        : command instanceof SubmitTaskFormCmd ? SUBMIT_TASK_ID : null;
    if (taskId == null) {
      return null;
    }
    try {
      Object id = taskId.get(command);
      return id == null ? null : context.getTaskManager().findTaskById(id.toString());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read the task id of " + command.getClass().getName(), e);
    }
  }

  /** The command's {@code taskId} field; fails at start-up if an engine version renamed it. */
  private static Field field(Class<?> commandClass) {
    try {
      Field f = commandClass.getDeclaredField("taskId");
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(commandClass.getName() + " has no field taskId: the four-eyes guard needs it"
          + " to recognise the completion of an approval", e);
    }
  }
}
