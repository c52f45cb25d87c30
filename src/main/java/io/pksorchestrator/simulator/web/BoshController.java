package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.bosh.SimTask;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The BOSH Director API (§4). Long operations answer 302 to their task. A real Director answers
 * {@code Location: /tasks/<id>}, an absolute path on its own host; here the Director lives under
 * {@code /<foundation>/bosh}, so the Location is the full URL {@code http://host:port/<foundation>/bosh/tasks/<id>},
 * which resolves correctly for any client that follows redirects.
 */
@SimulatorEndpoint
@ResponseBody
@RequestMapping("/{foundation}/bosh")
public class BoshController extends ControllerSupport {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  public BoshController(SimulatedFoundation foundation) {
    super(foundation);
  }

  @GetMapping("/info")
  public Map<String, Object> info(@PathVariable String foundation) {
    String uaa = ServletUriComponentsBuilder.fromCurrentContextPath().path("/" + foundation + "/bosh-uaa").toUriString();
    return call(() -> this.foundation.bosh().info(uaa));
  }

  @GetMapping("/deployments")
  public List<Map<String, Object>> deployments() {
    return call(() -> foundation.bosh().deployments());
  }

  @PostMapping("/deployments")
  public ResponseEntity<Void> deploy(@PathVariable String foundation, @RequestBody(required = false) String manifest) {
    return redirect(foundation, call(() -> this.foundation.bosh().deploy(manifest)));
  }

  @GetMapping("/deployments/{name}")
  public Map<String, Object> deployment(@PathVariable String name) {
    return call(() -> foundation.bosh().manifest(name));
  }

  @DeleteMapping("/deployments/{name}")
  public ResponseEntity<Void> delete(@PathVariable String foundation, @PathVariable String name) {
    return redirect(foundation, call(() -> this.foundation.bosh().deleteDeployment(name)));
  }

  @GetMapping("/deployments/{name}/instances")
  public ResponseEntity<?> instances(@PathVariable String foundation, @PathVariable String name,
      @RequestParam(required = false) String format) {
    if ("full".equals(format)) {
      return redirect(foundation, call(() -> this.foundation.bosh().detailsTask(name, false)));
    }
    return ResponseEntity.ok(call(() -> this.foundation.bosh().instances(name)));
  }

  @GetMapping("/deployments/{name}/vms")
  public ResponseEntity<?> vms(@PathVariable String foundation, @PathVariable String name,
      @RequestParam(required = false) String format) {
    if ("full".equals(format)) {
      return redirect(foundation, call(() -> this.foundation.bosh().detailsTask(name, true)));
    }
    return ResponseEntity.ok(call(() -> this.foundation.bosh().vms(name)));
  }

  @PutMapping({"/deployments/{name}/jobs/{group}", "/deployments/{name}/jobs/{group}/{indexOrId}"})
  public ResponseEntity<Void> jobState(@PathVariable String foundation, @PathVariable String name,
      @PathVariable String group, @PathVariable(required = false) String indexOrId, @RequestParam String state) {
    return redirect(foundation, call(() -> this.foundation.bosh().changeJobState(name, group, indexOrId, state)));
  }

  @GetMapping("/tasks")
  public List<Map<String, Object>> tasks(@RequestParam(required = false) String state,
      @RequestParam(required = false) String deployment, @RequestParam(required = false) Integer limit) {
    Set<String> states = state == null ? Set.of()
        : Arrays.stream(state.split(",")).map(String::trim).collect(Collectors.toSet());
    return call(() -> foundation.bosh().tasks(states, deployment, limit));
  }

  @GetMapping("/tasks/{id}")
  public Map<String, Object> task(@PathVariable long id) {
    return call(() -> foundation.bosh().task(id));
  }

  /** Task output as text; honours {@code Range: bytes=N-} like the Director (416 = nothing new). */
  @GetMapping("/tasks/{id}/output")
  public ResponseEntity<String> output(@PathVariable long id, @RequestParam(required = false) String type,
      @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) {
    String text = call(() -> foundation.bosh().taskOutput(id, type));
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Matcher m = range == null ? null : RANGE.matcher(range);
    if (m != null && m.matches()) {
      int from = (int) Math.min(Long.parseLong(m.group(1)), Integer.MAX_VALUE);
      if (from >= bytes.length) {
        return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).build();
      }
      return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).contentType(MediaType.TEXT_PLAIN)
          .header(HttpHeaders.CONTENT_RANGE, "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length)
          .body(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text);
  }

  /** Cancel is on the SINGULAR {@code /task/{id}} in the Director's routes. */
  @DeleteMapping("/task/{id}")
  public ResponseEntity<Void> cancel(@PathVariable long id) {
    foundation.run(() -> foundation.bosh().cancel(id));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/stemcells")
  public List<Map<String, Object>> stemcells() {
    return call(() -> foundation.bosh().stemcells());
  }

  private static ResponseEntity<Void> redirect(String foundation, SimTask task) {
    URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/" + foundation + "/bosh/tasks/" + task.id()).build().toUri();
    return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
  }
}
