package io.pksorchestrator.ticketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.OperatorDecision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns engine events of the operations processes into callbacks in the outbox, inside the engine's transaction
 * (Camunda's Spring eventing calls these listeners synchronously): nothing is sent for a step that rolls back, and
 * nothing here does I/O beyond one insert, so a slow ticketing system never blocks a process.
 *
 * <p>Events: {@code approval-needed} (an approval task was created), {@code approved} (completed with
 * decision=approve), then at the end {@code succeeded}, {@code rejected} (rejected by validation, not approved,
 * approval expired, stale) or {@code failed} (including cancellation).
 */
@Component
public class CallbackEvents {

  public static final String APPROVAL_NEEDED = "approval-needed";
  public static final String APPROVED = "approved";
  public static final String SUCCEEDED = "succeeded";
  public static final String REJECTED = "rejected";
  public static final String FAILED = "failed";

  private final TicketingProperties properties;
  private final CallbackOutbox outbox;
  private final ObjectMapper objectMapper;
  private final OperationCatalog catalog;

  public CallbackEvents(TicketingProperties properties, CallbackOutbox outbox, ObjectMapper objectMapper,
      OperationCatalog catalog) {
    this.catalog = catalog;
    this.properties = properties;
    this.outbox = outbox;
    this.objectMapper = objectMapper;
  }

  @EventListener
  public void onTask(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    if (key == null || !key.startsWith(OperationVariables.APPROVAL_TASK_PREFIX) || !isOperation(task.getProcessDefinitionId())) {
      return;
    }
    Map<String, Object> taskInfo = new LinkedHashMap<>();
    taskInfo.put("id", task.getId());
    taskInfo.put("name", task.getName());
    taskInfo.put("due", task.getDueDate() == null ? null : task.getDueDate().toInstant().toString());
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      taskInfo.put("tasklist", properties.publicUrl() + OperationLinks.tasklist(task.getId()));
      enqueue(task, task.getProcessInstanceId(), task.getProcessDefinitionId(), APPROVAL_NEEDED, taskInfo);
    } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
        && OperatorDecision.approves(task.getVariable(OperationVariables.DECISION))) {
      taskInfo.put("approvedBy", task.getAssignee());
      enqueue(task, task.getProcessInstanceId(), task.getProcessDefinitionId(), APPROVED, taskInfo);
    }
  }

  @EventListener
  public void onExecution(DelegateExecution execution) {
    if (!ExecutionListener.EVENTNAME_END.equals(execution.getEventName())
        || !(execution instanceof ExecutionEntity entity)
        || !(entity.getEventSource() instanceof ProcessDefinitionImpl)
        || !isOperation(execution.getProcessDefinitionId())) {
      return;
    }
    Object outcome = execution.getVariable(OperationVariables.OUTCOME);
    String event = FAILED;
    if (outcome != null) {
      try {
        event = switch (OperationOutcome.fromValue(outcome.toString()).state()) {
          case SUCCEEDED -> SUCCEEDED;
          case REJECTED -> REJECTED;
          case FAILED -> FAILED;
        };
      } catch (IllegalArgumentException unknownOutcome) {
        event = FAILED;
      }
    }
    enqueue(execution, execution.getProcessInstanceId(), execution.getProcessDefinitionId(), event, null);
  }

  private void enqueue(VariableScope scope, String operationId, String definitionId, String event,
      Map<String, Object> task) {
    Object requestedBy = scope.getVariable(OperationVariables.REQUESTED_BY);
    TicketingProperties.Client client = properties.client(requestedBy == null ? null : requestedBy.toString());
    if (client == null || !client.hasWebhook()) {
      return;
    }
    String eventId = UUID.randomUUID().toString();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("eventId", eventId);
    payload.put("event", event);
    payload.put("occurredAt", Instant.now().toString());
    payload.put("operationId", operationId);
    payload.put("ticketId", scope.getVariable(OperationVariables.TICKET_ID));
    payload.put("process", definitionId.substring(0, definitionId.indexOf(':')));
    payload.put("foundation", scope.getVariable(OperationVariables.FOUNDATION));
    payload.put("outcome", scope.getVariable(OperationVariables.OUTCOME));
    payload.put("outcomeMessage", scope.getVariable(OperationVariables.OUTCOME_MESSAGE));
    payload.put("task", task);
    payload.put("operation", properties.publicUrl() + OperationLinks.operation(operationId));
    payload.values().removeIf(java.util.Objects::isNull);
    try {
      outbox.enqueue(eventId, requestedBy.toString(), operationId, event, objectMapper.writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the " + event + " callback of operation " + operationId, e);
    }
  }

  private boolean isOperation(String processDefinitionId) {
    return catalog.isOperationDefinition(processDefinitionId);
  }
}
