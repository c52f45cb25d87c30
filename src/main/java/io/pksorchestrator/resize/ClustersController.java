package io.pksorchestrator.resize;

import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/**
 * Managed clusters with their forecast, recommendation and last resize, and the forecast chart. Authentication and
 * the access rule of {@code /api/v1} come from the platform's security filter; failures are problems answered by the
 * API's one error handler (thrown here as {@link ErrorResponseException}).
 */
@RestController
@RequestMapping("/api/v1/clusters")
public class ClustersController {

  private final ClusterOverview overview;

  public ClustersController(ClusterOverview overview) {
    this.overview = overview;
  }

  /** Every managed cluster the forecasting cycle has seen, by foundation and name. */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public List<ClusterView> clusters() {
    return overview.clusters();
  }

  /** One managed cluster; 404 with a problem body when unknown. */
  @GetMapping(path = "/{foundation}/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ClusterView cluster(@PathVariable String foundation, @PathVariable String name) {
    return overview.cluster(foundation, name).orElseThrow(() -> new UnknownClusterException(foundation, name));
  }

  /** The forecast chart (PNG); {@code proposed} draws a proposed worker count (default: the recommendation). */
  @GetMapping(path = "/{foundation}/{name}/forecast.png", produces = MediaType.IMAGE_PNG_VALUE)
  public ResponseEntity<byte[]> chart(@PathVariable String foundation, @PathVariable String name,
      @RequestParam(required = false) Integer proposed) {
    if (proposed != null && (proposed < 0 || proposed > 10_000)) {
      ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Parameter 'proposed' must be a worker count between 0 and 10000, got " + proposed + ".");
      p.setTitle("Invalid request");
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, p, null);
    }
    byte[] png = overview.chart(foundation, name, proposed)
        .orElseThrow(() -> new UnknownClusterException(foundation, name));
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
  }

  /** A foundation/cluster pair the forecasting cycle does not know: 404 problem naming both. */
  static class UnknownClusterException extends ErrorResponseException {

    UnknownClusterException(String foundation, String cluster) {
      super(HttpStatus.NOT_FOUND, problem(foundation, cluster), null);
    }

    private static ProblemDetail problem(String foundation, String cluster) {
      ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No managed cluster '" + cluster
          + "' on foundation '" + foundation + "'. GET /api/v1/clusters lists the managed clusters; a new cluster"
          + " appears after the next forecasting cycle.");
      p.setTitle("Unknown cluster");
      p.setType(URI.create("urn:pks-orchestrator:problem:unknown-cluster"));
      p.setProperty("foundation", foundation);
      p.setProperty("cluster", cluster);
      return p;
    }
  }
}
