package io.pksorchestrator.platform.bosh;

import feign.Response;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.http.Component;
import io.pksorchestrator.platform.http.FoundationClients;
import io.pksorchestrator.platform.http.FoundationJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link BoshGateway} over the Director API. */
@org.springframework.stereotype.Component
public class FeignBoshGateway implements BoshGateway {

  private static final Pattern TASK_LOCATION = Pattern.compile("/tasks/(\\d+)");

  private final FoundationClients clients;

  public FeignBoshGateway(FoundationClients clients) {
    this.clients = clients;
  }

  private BoshApi api(String foundation) {
    return clients.api(foundation, Component.BOSH, BoshApi.class);
  }

  @Override
  public BoshInfo info(String foundation) {
    BoshDtos.Info i = clients.anonymous(foundation, Component.BOSH, BoshApi.class).info();
    return new BoshInfo(i.name(), i.uuid(), i.version(), i.cpi(),
        i.userAuthentication() == null ? null : i.userAuthentication().type());
  }

  @Override
  public List<BoshDeployment> deployments(String foundation) {
    return api(foundation).deployments().stream()
        .map(d -> new BoshDeployment(d.name(), nameVersions(d.releases()), nameVersions(d.stemcells())))
        .toList();
  }

  @Override
  public Optional<BoshDeployment> deployment(String foundation, String name) {
    return deployments(foundation).stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The task result lists every instance, also those without a VM; the immediate {@code /instances} adds
   * {@code expects_vm}, which tells an errand instance (no VM expected) from a service instance that lost its VM.
   * An instance missing from that list (created in between) is taken to expect a VM.
   */
  @Override
  public List<BoshInstance> instanceDetails(String foundation, String deployment) {
    long taskId = startInstancesTask(foundation, deployment);
    awaitTask(foundation, taskId, deployment);
    String result = api(foundation).taskOutput(taskId, "result");
    Map<String, Boolean> expectsVm = new HashMap<>();
    for (BoshDtos.Instance i : api(foundation).instances(deployment)) {
      if (i.id() != null) {
        expectsVm.put(i.id(), i.expectsVm());
      }
    }
    List<BoshInstance> instances = new ArrayList<>();
    for (String line : result.split("\n")) {
      if (!line.isBlank()) {
        BoshDtos.InstanceDetails d = FoundationJson.read(clients.mapper(), line, BoshDtos.InstanceDetails.class);
        List<BoshInstance.Process> processes = d.processes() == null ? List.of() : d.processes().stream()
            .map(p -> new BoshInstance.Process(p.name(), p.state())).toList();
        instances.add(new BoshInstance(d.id(), d.jobName(), d.index(), d.az(), d.ips(), d.jobState(), d.vmCid(),
            d.state(), processes, expectsVm.getOrDefault(d.id(), Boolean.TRUE)));
      }
    }
    return instances;
  }

  private long startInstancesTask(String foundation, String deployment) {
    try (Response response = api(foundation).instancesFull(deployment)) {
      if (response.status() == 302) {
        String location = response.headers().getOrDefault("Location", List.of()).stream().findFirst().orElse("");
        Matcher m = TASK_LOCATION.matcher(location);
        if (m.find()) {
          return Long.parseLong(m.group(1));
        }
      }
      if (response.status() >= 400) {
        throw (RuntimeException) clients.errorDecoder(foundation, Component.BOSH).decode("instancesFull", response);
      }
      String message = "Foundation '" + foundation + "' bosh: GET /deployments/" + deployment
          + "/instances?format=full answered " + response.status() + " without a task location";
      throw new FoundationRejectedException(foundation, response.status(), message, "no Location: /tasks/<id>");
    }
  }

  /**
   * Waits, bounded by {@code instance-details-timeout}, for the short read-only task. A task that is still
   * running then, or that failed, is a transient condition: the engine's job retry asks again later.
   */
  private BoshTask awaitTask(String foundation, long taskId, String deployment) {
    Foundation config = clients.config(foundation);
    long deadline = System.nanoTime() + config.instanceDetailsTimeout().toNanos();
    BoshTask task = api(foundation).task(taskId);
    while (task.isRunning()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new RetryableFoundationException(foundation, 0, "Foundation '" + foundation + "' bosh: task "
            + taskId + " (instance details of " + deployment + ") is still " + task.state() + " after "
            + config.instanceDetailsTimeout() + "; the Director may be busy. The engine retries.", null);
      }
      pause(config);
      task = api(foundation).task(taskId);
    }
    if (!task.isSucceeded()) {
      throw new RetryableFoundationException(foundation, 0, "Foundation '" + foundation + "' bosh: task " + taskId
          + " (instance details of " + deployment + ") ended '" + task.state() + "'"
          + (task.result() == null ? "" : ": " + task.result()) + ". Check 'bosh task " + taskId + "'.", null);
    }
    return task;
  }

  private static void pause(Foundation config) {
    try {
      Thread.sleep(config.taskPollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a BOSH task", e);
    }
  }

  @Override
  public BoshTask task(String foundation, long taskId) {
    return api(foundation).task(taskId);
  }

  @Override
  public void cancelTask(String foundation, long taskId) {
    api(foundation).cancelTask(taskId);
  }

  @Override
  public List<BoshStemcell> stemcells(String foundation) {
    return api(foundation).stemcells().stream()
        .map(s -> new BoshStemcell(s.name(), s.operatingSystem(), s.version(), s.cid(), deploymentNames(s)))
        .toList();
  }

  private static List<String> deploymentNames(BoshDtos.Stemcell s) {
    if (s.deployments() == null) {
      return List.of();
    }
    return s.deployments().stream()
        .map(d -> d.isObject() ? d.path("name").asText() : d.asText())
        .toList();
  }

  private static List<BoshDeployment.NameVersion> nameVersions(List<BoshDtos.NameVersion> list) {
    return list == null ? List.of()
        : list.stream().map(n -> new BoshDeployment.NameVersion(n.name(), n.version())).toList();
  }
}
