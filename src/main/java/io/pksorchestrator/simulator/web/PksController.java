package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The PKS API {@code /v1} (§5.2). Status codes of create, delete and multi-cluster upgrade are [unconfirmed]:
 * async operations answer 202 Accepted (documented for PATCH of a cluster), DELETE answers 204 without a body.
 */
@SimulatorEndpoint
@ResponseBody
@RequestMapping("/{foundation}/pks/v1")
public class PksController extends ControllerSupport {

  public PksController(SimulatedFoundation foundation) {
    super(foundation);
  }

  @GetMapping("/plans")
  public List<Map<String, Object>> plans() {
    return call(() -> foundation.pks().plans());
  }

  @GetMapping("/clusters")
  public List<Map<String, Object>> clusters() {
    return call(() -> foundation.pks().clusters());
  }

  @PostMapping("/clusters")
  public ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> request) {
    return ResponseEntity.accepted().body(call(() -> foundation.pks().create(request)));
  }

  @GetMapping("/clusters/{name}")
  public Map<String, Object> cluster(@PathVariable String name) {
    return call(() -> foundation.pks().cluster(name, false));
  }

  @GetMapping("/clusterdetails/{name}")
  public Map<String, Object> details(@PathVariable String name) {
    return call(() -> foundation.pks().cluster(name, true));
  }

  @PatchMapping("/clusters/{name}")
  public ResponseEntity<Void> update(@PathVariable String name, @RequestBody Map<String, Object> parameters) {
    foundation.run(() -> foundation.pks().update(name, parameters));
    return ResponseEntity.accepted().build();
  }

  @DeleteMapping("/clusters/{name}")
  public ResponseEntity<Void> delete(@PathVariable String name) {
    foundation.run(() -> foundation.pks().delete(name));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/clusters/{name}/binds")
  public Map<String, Object> bind(@PathVariable String name) {
    return call(() -> foundation.pks().bind(name, foundation.properties().getClientId()));
  }

  @PatchMapping("/clusters")
  public ResponseEntity<Map<String, Object>> upgrade(@RequestBody Map<String, Object> request) {
    return ResponseEntity.accepted().body(call(() -> foundation.pks().upgrade(request)));
  }

  @GetMapping("/tasks")
  public List<Map<String, Object>> tasks(@RequestParam(required = false) Integer limit) {
    return call(() -> foundation.pks().tasks(limit));
  }

  @GetMapping("/tasks/{id}")
  public Map<String, Object> task(@PathVariable String id) {
    return call(() -> foundation.pks().task(id));
  }

  @PutMapping("/tasks/{id}")
  public Map<String, Object> cancel(@PathVariable String id) {
    return call(() -> foundation.pks().cancel(id));
  }
}
