package io.pksorchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Guardrails on every model in {@code bpmn/} (passes trivially while there are none, checks each model once they
 * exist): each process has a history time to live and a version tag; no generated element ids; every service task
 * whose delegate reaches a foundation (its bean's class depends, directly or through the services it is
 * constructed with, on a type of the {@code platform} package: the gateways) is {@code asyncBefore} with a
 * {@code failedJobRetryTimeCycle}; and every {@code ${beanName}} delegate expression names a bean of the
 * application context (hence the full context of {@link PlatformApplicationTest}). Delegates that only compute
 * on process variables need no save point of their own.
 */
class BpmnModelGuardrailTest extends PlatformApplicationTest {

  private static final Pattern GENERATED_ID =
      Pattern.compile("(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task)_[0-9a-z]{7}");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
  /** A retry cycle from configuration: a property of the {@code jobRetries} bean ({@code pkso.jobs.*}). */
  private static final Pattern RETRY_CYCLE = Pattern.compile("^\\$\\{jobRetries\\.([A-Za-z][A-Za-z0-9]*)}$");

  @Autowired ApplicationContext context;

  static List<Path> models() throws IOException {
    Path dir = Path.of("bpmn");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  @Test
  void everyModelFollowsTheHouseRules() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process p : model.getModelElementsByType(Process.class)) {
        if (p.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": process " + p.getId() + " has no camunda:historyTimeToLive");
        }
        if (p.getCamundaVersionTag() == null) {
          problems.add(file + ": process " + p.getId() + " has no camunda:versionTag");
        }
      }
      for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
        if (e.getId() != null && GENERATED_ID.matcher(e.getId()).matches()) {
          problems.add(file + ": generated id " + e.getId());
        }
      }
      for (CamundaFailedJobRetryTimeCycle cycle : model.getModelElementsByType(CamundaFailedJobRetryTimeCycle.class)) {
        String problem = retryCycleProblem(cycle.getTextContent());
        if (problem != null) {
          BaseElement owner = (BaseElement) cycle.getParentElement().getParentElement();
          problems.add(file + ": " + owner.getId() + " " + problem);
        }
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        String expression = task.getCamundaDelegateExpression();
        if (expression == null) {
          continue;
        }
        Matcher bean = BEAN_EXPRESSION.matcher(expression);
        if (!bean.matches() || !context.containsBean(bean.group(1))) {
          problems.add(file + ": " + task.getId() + " delegateExpression " + expression + " is not a known bean");
          continue;
        }
        if (!reachesFoundation(AopUtils.getTargetClass(context.getBean(bean.group(1))), 0)) {
          continue;
        }
        if (!task.isCamundaAsyncBefore()) {
          problems.add(file + ": " + task.getId() + " calls " + expression + " without camunda:asyncBefore");
        }
        if (task.getExtensionElements() == null || task.getExtensionElements()
            .getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).count() == 0) {
          problems.add(file + ": " + task.getId() + " has no camunda:failedJobRetryTimeCycle");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Why a {@code failedJobRetryTimeCycle} is not taken from configuration, or null when it is: it must be
   * {@code ${jobRetries.<property>}} naming a readable property of the {@code jobRetries} bean, never a literal.
   */
  String retryCycleProblem(String text) {
    Matcher m = RETRY_CYCLE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return "has retry cycle '" + text + "', not ${jobRetries.<property>} (pkso.jobs.*)";
    }
    if (!new BeanWrapperImpl(context.getBean("jobRetries")).isReadableProperty(m.group(1))) {
      return "has retry cycle " + text + ", but jobRetries has no property " + m.group(1);
    }
    return null;
  }

  /** Whether the class is constructed with a foundation type, directly or through project services. */
  static boolean reachesFoundation(Class<?> type, int depth) {
    if (depth > 4 || !type.getName().startsWith("io.pksorchestrator.")) {
      return false;
    }
    if (type.getName().startsWith("io.pksorchestrator.platform.")) {
      return true;
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      for (Class<?> parameter : constructor.getParameterTypes()) {
        if (reachesFoundation(parameter, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void theEngineDefaultRetryCycleIsTheConfiguredOne() {
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        context.getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
    assertThat(configuration.getFailedJobRetryTimeCycle())
        .isEqualTo(context.getBean(io.pksorchestrator.operations.JobRetries.class).getRetryCycle())
        .isEqualTo("PT10S,PT1M,PT5M,PT15M,PT30M");
  }

  /**
   * Issue 16 item 1: the application's engine acquires jobs by priority, the forecasting cycle's jobs have
   * {@link io.pksorchestrator.resize.ForecastScalingProcess#JOB_PRIORITY} and no other model sets a job priority on
   * its process or any element (the operations' jobs stay at 0, below the cycle's): see resize.CycleJobPriorityTest.
   */
  @Test
  void onlyTheForecastingCycleHasAJobPriorityAndTheEngineAcquiresByPriority() throws IOException {
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        context.getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorAcquireByPriority()).as("jobExecutorAcquireByPriority").isTrue();
    List<String> priorities = new ArrayList<>();
    for (Path file : models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
        String priority = e.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "jobPriority");
        if (priority != null) {
          priorities.add(e.getId() + "=" + priority);
        }
      }
    }
    assertThat(priorities).containsExactly(io.pksorchestrator.resize.ForecastScalingProcess.KEY + "="
        + io.pksorchestrator.resize.ForecastScalingProcess.JOB_PRIORITY);
  }

  /**
   * A job is locked when it is acquired and its foundation calls must end by the lock's expiry, so a job waiting in
   * the executor's queue loses its call time: with a queue of 8 and 4 jobs per acquisition the forecasting cycle's
   * back-fill at 1,000 clusters cut 58-96 clusters short (docs/platform.md, "Engine"). No queue, and one acquisition
   * at most as large as the threads always there.
   */
  @Test
  void noAcquiredJobWaitsInAQueue() {
    var executor = context.getBean("camundaTaskExecutor",
        org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.class);
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        context.getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
    assertThat(executor.getQueueCapacity()).as("camunda.bpm.job-execution.queue-capacity").isZero();
    assertThat(configuration.getJobExecutor().getMaxJobsPerAcquisition())
        .as("camunda.bpm.job-execution.max-jobs-per-acquisition").isLessThanOrEqualTo(executor.getCorePoolSize());
  }

  @Test
  void theCheckItselfCatchesViolations() {
    assertThat(reachesFoundation(io.pksorchestrator.cluster.CreateClusterDelegate.class, 0)).isTrue();
    assertThat(GENERATED_ID.matcher("Activity_0x1y2z3").matches()).isTrue();
    assertThat(GENERATED_ID.matcher("Task_CreateCluster").matches()).isFalse();
    assertThat(BEAN_EXPRESSION.matcher("${createClusterDelegate}").matches()).isTrue();
    assertThat(context.containsBean("doesNotExistDelegate")).isFalse();
    assertThat(retryCycleProblem("PT10S,PT1M,PT5M,PT15M")).contains("not ${jobRetries.<property>}");
    assertThat(retryCycleProblem("${clusterCreationSettings.retryCycle}")).contains("not ${jobRetries.<property>}");
    assertThat(retryCycleProblem("${jobRetries.noSuchCycle}")).contains("no property noSuchCycle");
    assertThat(retryCycleProblem("${jobRetries.retryCycle}")).isNull();
    assertThat(retryCycleProblem("${jobRetries.forecastCycleRetryCycle}")).isNull();
  }
}
