package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.opsman.OpsManager;
import io.pksorchestrator.simulator.opsman.StemcellArchive;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The Ops Manager API {@code /api/v0} (§3). */
@SimulatorEndpoint
@ResponseBody
@RequestMapping("/{foundation}/opsman/api/v0")
public class OpsManagerController extends ControllerSupport {

  public OpsManagerController(SimulatedFoundation foundation) {
    super(foundation);
  }

  @GetMapping("/info")
  public Map<String, Object> info() {
    return call(() -> foundation.opsman().info());
  }

  @GetMapping("/staged/products")
  public List<Map<String, Object>> staged() {
    return call(() -> foundation.opsman().products(false));
  }

  @GetMapping("/deployed/products")
  public List<Map<String, Object>> deployed() {
    return call(() -> foundation.opsman().products(true));
  }

  /** Multipart {@code stemcell[file]} (+ optional {@code stemcell[floating]}); the tarball is read outside the lock. */
  @PostMapping("/stemcells")
  public Map<String, Object> upload(@RequestParam("stemcell[file]") MultipartFile file,
      @RequestParam(value = "stemcell[floating]", required = false) String floating) throws IOException {
    StemcellArchive.Info info;
    try (InputStream in = file.getInputStream()) {
      info = OpsManager.inspect(in, file.getOriginalFilename());
    }
    return call(() -> foundation.opsman().upload(info, "true".equalsIgnoreCase(floating)));
  }

  @GetMapping("/diagnostic_report")
  public Map<String, Object> diagnosticReport() {
    return call(() -> foundation.opsman().diagnosticReport());
  }

  @GetMapping("/stemcell_associations")
  public Map<String, Object> associations() {
    return call(() -> foundation.opsman().associations());
  }

  @PatchMapping("/stemcell_associations")
  public Map<String, Object> patchAssociations(@RequestBody Map<String, Object> body) {
    foundation.run(() -> foundation.opsman().patchAssociations(body));
    return Map.of();
  }

  @GetMapping("/stemcell_assignments")
  public Map<String, Object> assignments() {
    return call(() -> foundation.opsman().assignments());
  }

  @PatchMapping("/stemcell_assignments")
  public Map<String, Object> patchAssignments(@RequestBody Map<String, Object> body) {
    foundation.run(() -> foundation.opsman().patchAssignments(body));
    return Map.of();
  }

  @PostMapping("/installations")
  public Map<String, Object> install(@RequestBody(required = false) Map<String, Object> body) {
    return call(() -> foundation.opsman().applyChanges().start(body == null ? Map.of() : body));
  }

  @GetMapping("/installations")
  public Map<String, Object> installations() {
    return call(() -> foundation.opsman().applyChanges().list());
  }

  @GetMapping("/installations/{id}")
  public Map<String, Object> installation(@PathVariable long id) {
    return call(() -> foundation.opsman().applyChanges().status(id));
  }

  @GetMapping("/installations/{id}/logs")
  public Map<String, Object> logs(@PathVariable long id) {
    return call(() -> foundation.opsman().applyChanges().logs(id));
  }

  /**
   * The Director's client credentials. BOSH_ENVIRONMENT is normally the Director's IP; here it is the
   * simulated Director's base URL, since it lives under a path prefix.
   */
  @GetMapping("/deployed/director/credentials/bosh_commandline_credentials")
  public Map<String, Object> boshCredentials(@PathVariable String foundation) {
    String director = ServletUriComponentsBuilder.fromCurrentContextPath().path("/" + foundation + "/bosh").toUriString();
    return call(() -> this.foundation.opsman().boshCredentials(this.foundation.properties().getClientId(),
        this.foundation.properties().getBoshClientSecret(), director));
  }
}
