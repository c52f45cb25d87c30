package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.opsman.OpsManager;
import io.pksorchestrator.simulator.opsman.StemcellArchive;
import io.pksorchestrator.simulator.core.SimException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
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

  /**
   * Multipart {@code stemcell[file]} (+ optional {@code stemcell[floating]}), read as it arrives: the file part
   * streams through a counter and a CRC-32C (recorded, see {@link OpsManager#receivedUploads()}) and the archive
   * reader, and is drained to its end; nothing is buffered in memory or on disk. Like {@code om}, a client must
   * send an explicit Content-Length (411 otherwise: whether Ops Manager's nginx accepts chunked uploads is not
   * known, so the harsher answer).
   */
  @PostMapping("/stemcells")
  public Map<String, Object> upload(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() < 0) {
      throw new SimException(411, Map.of("errors", List.of("Content-Length is required")), "no Content-Length");
    }
    String boundary = MultipartReader.boundary(request.getContentType());
    if (boundary == null) {
      throw new SimException(400, Map.of("errors", List.of("expected multipart/form-data with a boundary")),
          "not multipart");
    }
    MultipartReader reader = new MultipartReader(request.getInputStream(), boundary);
    String floating = null;
    StemcellArchive.Info info = null;
    RuntimeException refused = null;
    OpsManager.ReceivedUpload received = null;
    for (MultipartReader.Part part; (part = reader.next()) != null; ) {
      if ("stemcell[floating]".equals(part.name())) {
        floating = new String(part.content().readNBytes(16), StandardCharsets.UTF_8).strip();
      } else if ("stemcell[file]".equals(part.name()) && received == null) {
        Counting counted = new Counting(part.content());
        try {
          info = OpsManager.inspect(counted, part.fileName()); // reads only up to stemcell.MF
        } catch (RuntimeException e) {
          refused = e;
        }
        counted.transferTo(OutputStream.nullOutputStream()); // the rest of the part: counted and checksummed too
        received = new OpsManager.ReceivedUpload(part.fileName(), counted.bytes, counted.crc.getValue());
      }
    }
    OpsManager.ReceivedUpload upload = received;
    if (upload != null) {
      foundation.run(() -> foundation.opsman().received(upload));
    }
    if (refused != null) {
      throw refused;
    }
    if (info == null) {
      throw new SimException(422, Map.of("errors", List.of("stemcell[file] is required")), "no file part");
    }
    if (floating != null && !floating.equals("true") && !floating.equals("false")) {
      throw new SimException(422, Map.of("errors", List.of("stemcell[floating] must be true or false")), floating);
    }
    StemcellArchive.Info stemcell = info;
    boolean floats = "true".equals(floating);
    return call(() -> foundation.opsman().upload(stemcell, floats));
  }

  /** Counts and checksums every byte read through it. */
  private static final class Counting extends FilterInputStream {
    final CRC32C crc = new CRC32C();
    long bytes;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        crc.update(b);
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        crc.update(b, off, n);
        bytes += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // skipping must not bypass the count: read through instead
      byte[] sink = new byte[(int) Math.min(n, 64 * 1024)];
      long done = 0;
      while (done < n) {
        int r = read(sink, 0, (int) Math.min(sink.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }
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
