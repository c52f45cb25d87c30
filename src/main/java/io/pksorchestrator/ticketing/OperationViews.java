package io.pksorchestrator.ticketing;

import io.pksorchestrator.engine.JobLocks;
import io.pksorchestrator.operations.ClusterLeaseModel;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OperationVariables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;

/** Builds {@link OperationView}s from runtime and history (so ended operations answer too). */
@Service
public class OperationViews {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> VARIABLES = List.of(OperationVariables.TICKET_ID, OperationVariables.FOUNDATION,
      OperationVariables.CLUSTER_NAME, OperationVariables.REQUESTED_BY, OperationVariables.OUTCOME,
      OperationVariables.OUTCOME_MESSAGE, OperationVariables.REJECTION_REASONS, ClusterLeaseModel.LEASE_STATE,
      ClusterLeaseModel.LEASE_HOLDER_ID, ClusterLeaseModel.LEASE_HOLDER, ClusterLeaseModel.LEASE_BLOCKED_CLUSTER);

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final CallbackOutbox outbox;
  private final JobLocks jobLocks;
  private final ClusterLeases leases;
  private final OperationCatalog catalog;
  private final ManagementService managementService;

  public OperationViews(HistoryService historyService, RuntimeService runtimeService, TaskService taskService,
      RepositoryService repositoryService, CallbackOutbox outbox, JobLocks jobLocks, ClusterLeases leases,
      OperationCatalog catalog, ManagementService managementService) {
    this.catalog = catalog;
    this.managementService = managementService;
    this.jobLocks = jobLocks;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.outbox = outbox;
    this.leases = leases;
  }

  /** The operation, if the id is a process instance of one of the operations processes. */
  public Optional<OperationView> find(String id) {
    HistoricProcessInstance pi = historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
        .singleResult();
    if (pi == null || !catalog.isOperation(pi.getProcessDefinitionKey())) {
      return Optional.empty();
    }
    return Optional.of(view(pi));
  }

  /** Running (or, with {@code running=false}, ended) operations, newest first. */
  public List<OperationView> list(boolean running, int limit) {
    var query = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(catalog.processKeys().toArray(String[]::new));
    query = running ? query.unfinished() : query.finished();
    return query.orderByProcessInstanceStartTime().desc().listPage(0, limit).stream().map(this::view).toList();
  }

  private OperationView view(HistoricProcessInstance pi) {
    String id = pi.getId();
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableNameIn(VARIABLES.toArray(String[]::new)).list()) {
      // Process-scope values win over local ones of the same name.
      if (id.equals(v.getActivityInstanceId()) || !vars.containsKey(v.getName())) {
        vars.put(v.getName(), v.getValue());
      }
    }
    boolean running = pi.getEndTime() == null;
    List<Task> tasks = running ? taskService.createTaskQuery().processInstanceId(id).list() : List.of();
    List<OperationView.PendingApproval> approvals = tasks.stream()
        .filter(t -> startsWith(t.getTaskDefinitionKey(), OperationVariables.APPROVAL_TASK_PREFIX))
        .map(this::pending).toList();
    List<OperationView.PendingApproval> operatorTasks = tasks.stream()
        .filter(t -> startsWith(t.getTaskDefinitionKey(), OperationVariables.RESOLVE_TASK_PREFIX))
        .map(this::pending).toList();
    List<String> incidents = running ? runtimeService.createIncidentQuery().processInstanceId(id).list().stream()
        .map(Incident::getIncidentMessage).toList() : List.of();
    String outcome = vars.get(OperationVariables.OUTCOME) == null ? null : vars.get(OperationVariables.OUTCOME).toString();
    List<OperationView.CallbackDelivery> callbacks = outbox.forOperation(id).stream()
        .map(c -> new OperationView.CallbackDelivery(c.eventId(), c.eventType(), c.status(), c.attempts(),
            c.lastAttemptAt(), c.lastHttpStatus(), c.lastError(), c.deliveredAt())).toList();
    return new OperationView(id, pi.getProcessDefinitionKey(), processName(pi), pi.getBusinessKey(),
        str(vars.get(OperationVariables.TICKET_ID)), str(vars.get(OperationVariables.FOUNDATION)),
        str(vars.get(OperationVariables.CLUSTER_NAME)), str(vars.get(OperationVariables.REQUESTED_BY)),
        state(running, approvals, operatorTasks, outcome), steps(pi, running, vars), approvals, operatorTasks,
        incidents, outcome, str(vars.get(OperationVariables.OUTCOME_MESSAGE)),
        messages(vars.get(OperationVariables.REJECTION_REASONS)),
        pi.getStartTime(), pi.getEndTime(),
        new OperationView.Links(OperationLinks.operation(id), OperationLinks.cockpit(id)), callbacks,
        running ? held(id) : List.of(), running ? waitingFor(vars) : null);
  }

  private List<OperationView.HeldCluster> held(String id) {
    return leases.heldBy(id).stream()
        .map(l -> new OperationView.HeldCluster(l.foundation(), l.cluster(), l.acquiredAt())).toList();
  }

  /** The holder this operation waits for, while its lease steps find the cluster held. */
  private static OperationView.WaitingFor waitingFor(Map<String, Object> vars) {
    Object state = vars.get(ClusterLeaseModel.LEASE_STATE);
    Object holder = vars.get(ClusterLeaseModel.LEASE_HOLDER_ID);
    if (holder == null || !(ClusterLeaseModel.STATE_HELD.equals(state)
        || ClusterLeaseModel.STATE_TIMED_OUT.equals(state))) {
      return null;
    }
    return new OperationView.WaitingFor(holder.toString(), str(vars.get(ClusterLeaseModel.LEASE_HOLDER)),
        str(vars.get(ClusterLeaseModel.LEASE_BLOCKED_CLUSTER)), OperationLinks.operation(holder.toString()));
  }

  static String state(boolean running, List<?> approvals, String outcome) {
    return state(running, approvals, List.of(), outcome);
  }

  /**
   * {@code waiting-for-approval} (an approval task is open), {@code waiting-for-operator} (a task asks an operator
   * to resolve something), {@code running}; once ended, the outcome's state.
   */
  static String state(boolean running, List<?> approvals, List<?> operatorTasks, String outcome) {
    if (running) {
      return !approvals.isEmpty() ? "waiting-for-approval"
          : !operatorTasks.isEmpty() ? "waiting-for-operator" : "running";
    }
    if (outcome == null) {
      return "failed";
    }
    try {
      return OperationOutcome.fromValue(outcome).state().name().toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException unknown) {
      return "failed";
    }
  }

  private List<String> steps(HistoricProcessInstance pi, boolean running, Map<String, Object> vars) {
    var query = historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId());
    List<HistoricActivityInstance> activities = running
        ? query.unfinished().orderByHistoricActivityInstanceStartTime().asc().list()
        : query.activityType("noneEndEvent").list();
    if (!running && activities.isEmpty() && pi.getEndActivityId() != null) {
      activities = historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
          .activityId(pi.getEndActivityId()).list();
    }
    List<String> steps = activities.stream()
        .filter(a -> !a.getActivityType().equals("multiInstanceBody"))
        .map(a -> running && "intermediateTimer".equals(a.getActivityType())
            && !ClusterLeaseModel.EVENT_WAIT.equals(a.getActivityId()) ? timerStep(a) : stepName(a, vars))
        .distinct().toList();
    return running && steps.isEmpty() ? waitingToRun(pi.getId()) : steps;
  }

  /**
   * A timer step says what it waits for and until when ("Waiting until 2026-12-05 22:00Z: Maintenance window
   * opened"), not only the name of an event that has not happened yet. Due dates are the engine's (foundation time
   * where the process computes them so).
   */
  private String timerStep(HistoricActivityInstance a) {
    String name = a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
    var timers = managementService.createJobQuery().processInstanceId(a.getProcessInstanceId())
        .activityId(a.getActivityId()).timers().list();
    return timers.isEmpty() || timers.get(0).getDuedate() == null ? "Waiting: " + name
        : "Waiting until " + WHEN.format(timers.get(0).getDuedate().toInstant()) + ": " + name;
  }

  private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(java.time.ZoneOffset.UTC);

  /** The activity's name; the lease wait names the operation it waits for ("Waiting for upgrade CHG-1 ..."). */
  private static String stepName(HistoricActivityInstance a, Map<String, Object> vars) {
    if (ClusterLeaseModel.EVENT_WAIT.equals(a.getActivityId())
        && vars.get(ClusterLeaseModel.LEASE_HOLDER) != null) {
      return "Waiting for " + vars.get(ClusterLeaseModel.LEASE_HOLDER);
    }
    return a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
  }

  /**
   * Steps whose asynchronous continuation has not run yet (a job waiting for the job executor or for its next
   * retry): history has no activity instance for them, the runtime tree holds them as transition instances.
   */
  private List<String> waitingToRun(String processInstanceId) {
    ActivityInstance tree;
    try {
      tree = runtimeService.getActivityInstance(processInstanceId);
    } catch (AuthorizationException notReadable) {
      return List.of();
    }
    Map<String, String> locks;
    try {
      locks = jobLocks.describe(processInstanceId);
    } catch (RuntimeException notReadable) {
      locks = Map.of();
    }
    List<String> names = new ArrayList<>();
    collectTransitions(tree, names, locks);
    return names.stream().distinct().toList();
  }

  private static void collectTransitions(ActivityInstance instance, List<String> names, Map<String, String> locks) {
    if (instance == null) {
      return;
    }
    for (TransitionInstance t : instance.getChildTransitionInstances()) {
      String lock = locks.get(t.getExecutionId());
      names.add((t.getActivityName() != null ? t.getActivityName() : t.getActivityId())
          + (lock == null ? " (waiting to run)" : " (" + lock + ")"));
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collectTransitions(child, names, locks);
    }
  }

  private OperationView.PendingApproval pending(Task task) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
    return new OperationView.PendingApproval(task.getId(), task.getName(), task.getCreateTime(), task.getDueDate(),
        task.getAssignee(), groups, OperationLinks.tasklist(task.getId()));
  }

  private String processName(HistoricProcessInstance pi) {
    var definition = repositoryService.getProcessDefinition(pi.getProcessDefinitionId());
    return definition.getName() != null ? definition.getName() : pi.getProcessDefinitionKey();
  }

  /**
   * A list of messages, whatever the process stored: a JSON array (Spin), one message per line (String), or a
   * collection; null when there is none. The view never shows a Spin node's Jackson internals.
   */
  static List<String> messages(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    if (value instanceof SpinJsonNode || value.getClass().getName().startsWith("org.camunda.spin")) {
      try {
        JsonNode node = JSON.readTree(value.toString());
        if (node.isArray()) {
          List<String> out = new ArrayList<>();
          node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
          return out;
        }
        return List.of(node.isTextual() ? node.asText() : node.toString());
      } catch (JsonProcessingException notJson) {
        return List.of(value.toString());
      }
    }
    return value.toString().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static boolean startsWith(String value, String prefix) {
    return value != null && value.startsWith(prefix);
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}
