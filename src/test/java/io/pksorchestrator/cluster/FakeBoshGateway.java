package io.pksorchestrator.cluster;

import io.pksorchestrator.platform.FoundationNotFoundException;
import io.pksorchestrator.platform.bosh.BoshDeployment;
import io.pksorchestrator.platform.bosh.BoshGateway;
import io.pksorchestrator.platform.bosh.BoshInfo;
import io.pksorchestrator.platform.bosh.BoshInstance;
import io.pksorchestrator.platform.bosh.BoshStemcell;
import io.pksorchestrator.platform.bosh.BoshTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory BOSH Director for process tests: deployments and their instances as the test sets them. */
class FakeBoshGateway implements BoshGateway {

  final Map<String, List<BoshInstance>> instances = new HashMap<>();

  /** Puts a deployment with the given masters and workers in the given job state. */
  void deploy(String deployment, int masters, int workers, String jobState) {
    List<BoshInstance> list = new ArrayList<>();
    for (int i = 0; i < masters; i++) {
      list.add(new BoshInstance("m" + i, "master", i, "az1", List.of("10.0.1." + i), jobState, "vm-m" + i));
    }
    for (int i = 0; i < workers; i++) {
      list.add(new BoshInstance("w" + i, "worker", i, "az1", List.of("10.0.2." + i), jobState, "vm-w" + i));
    }
    instances.put(deployment, list);
  }

  @Override
  public List<BoshInstance> instanceDetails(String foundation, String deployment) {
    List<BoshInstance> list = instances.get(deployment);
    if (list == null) {
      throw new FoundationNotFoundException(foundation, "GET /deployments/" + deployment + "/instances: 404");
    }
    return list;
  }

  @Override
  public BoshInfo info(String foundation) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<BoshDeployment> deployments(String foundation) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<BoshDeployment> deployment(String foundation, String name) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BoshTask task(String foundation, long taskId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void cancelTask(String foundation, long taskId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<BoshStemcell> stemcells(String foundation) {
    throw new UnsupportedOperationException();
  }
}
