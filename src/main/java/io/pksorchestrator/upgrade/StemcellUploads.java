package io.pksorchestrator.upgrade;

import io.pksorchestrator.engine.NotRetryableFailures;
import io.pksorchestrator.platform.opsman.OmStemcell;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.upgrade.StemcellUploadStore.State;
import io.pksorchestrator.upgrade.StemcellUploadStore.Upload;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs stemcell uploads outside engine jobs (issue 11 item 6a): an upload takes minutes, a job must end far below
 * the job lock time. {@link #submit} records the attempt ({@link StemcellUploadStore}) and starts it on this node's
 * upload threads; the node heartbeats its running uploads; the check job, on any node, reads the record:
 * {@link #status} tells running, succeeded, failed, or <em>lost</em> (RUNNING but no heartbeat for
 * {@code pkso.upgrade.upload-stale-after}: its node stopped). Every attempt applies the stemcell source policy
 * again, skips the upload when Ops Manager already has the stemcell, and is safe to repeat (a second upload of the
 * same stemcell is answered {@code existing} by Ops Manager).
 */
@Service
public class StemcellUploads implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StemcellUploads.class);

  /** What the check job sees. */
  public enum Status { RUNNING, SUCCEEDED, FAILED, LOST, NONE }

  private final StemcellUploadStore store;
  private final StemcellSource sources;
  private final OpsManagerGateway opsManager;
  private final UpgradeProperties properties;
  private final Executor executor;
  private final Clock clock;
  private final String node;
  private final ScheduledExecutorService heartbeats;

  @Autowired
  public StemcellUploads(StemcellUploadStore store, StemcellSource sources, OpsManagerGateway opsManager,
      UpgradeProperties properties) {
    this(store, sources, opsManager, properties, Executors.newFixedThreadPool(2, r -> daemon(r, "pkso-stemcell-upload")),
        Clock.systemUTC(), nodeName());
  }

  /** For tests: a synchronous executor runs the upload inside {@link #submit}. */
  public StemcellUploads(StemcellUploadStore store, StemcellSource sources, OpsManagerGateway opsManager,
      UpgradeProperties properties, Executor executor, Clock clock, String node) {
    this.store = store;
    this.sources = sources;
    this.opsManager = opsManager;
    this.properties = properties;
    this.executor = executor;
    this.clock = clock;
    this.node = node;
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "pkso-stemcell-upload-heartbeat"));
    long every = Math.max(1, properties.getUploadHeartbeatInterval().toMillis());
    heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /** The upload of {@code key} (the process instance) as the check job sees it, with its record. */
  public record Observed(Status status, Optional<Upload> upload) {}

  /** Starts an attempt unless one is running and alive; returns what is then observed. */
  public Observed submit(String key, String foundation, String source, OmStemcell target) {
    Observed now = status(key);
    if (now.status() == Status.RUNNING || now.status() == Status.SUCCEEDED) {
      return now; // a repeated start job (lost commit) does not start a second upload
    }
    int attempt = now.upload().map(u -> u.attempt() + 1).orElse(1);
    Instant t = clock.instant();
    store.start(new Upload(key, foundation, source, target.os(), target.version(), State.RUNNING, attempt, node, t, t,
        null, null, false, null));
    LOG.info("PKSO-UPG030 Stemcell upload {} attempt {} of {} {} to '{}' started on {}", key, attempt, target.os(),
        target.version(), foundation, node);
    executor.execute(() -> run(key, attempt, foundation, source, target));
    return status(key);
  }

  /** Running, succeeded, failed, lost (no heartbeat for too long) or none. */
  public Observed status(String key) {
    Optional<Upload> upload = store.find(key);
    if (upload.isEmpty()) {
      return new Observed(Status.NONE, upload);
    }
    Upload u = upload.get();
    Status status = switch (u.state()) {
      case SUCCEEDED -> Status.SUCCEEDED;
      case FAILED -> Status.FAILED;
      case RUNNING -> u.heartbeatAt().plus(properties.getUploadStaleAfter()).isBefore(clock.instant())
          ? Status.LOST : Status.RUNNING;
    };
    return new Observed(status, upload);
  }

  /** Marks a failure as reported to the engine (committed on its own), so that a re-run of the job resubmits. */
  public void reported(Upload upload) {
    store.markReported(upload.key(), upload.attempt());
  }

  private void run(String key, int attempt, String foundation, String source, OmStemcell target) {
    try {
      if (!opsManager.hasStemcell(foundation, target)) {
        try (StemcellSource.Local file = sources.fetch(source)) {
          OmStemcell uploaded = opsManager.uploadStemcell(foundation, file.path());
          if (uploaded != null && !(target.os().equals(uploaded.os()) && target.version().equals(uploaded.version()))) {
            throw new StemcellSourceRejectedException("Stemcell file " + source + " is " + uploaded.os() + " "
                + uploaded.version() + ", not the requested " + target.os() + " " + target.version()
                + " (uploaded to Ops Manager of '" + foundation + "'); correct stemcellSource or the requested version");
          }
        }
      }
      store.finish(key, attempt, State.SUCCEEDED, null, null, clock.instant());
      LOG.info("PKSO-UPG031 Stemcell upload {} attempt {} succeeded", key, attempt);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      boolean retryable = !NotRetryableFailures.isNotRetryable(e);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      store.finish(key, attempt, State.FAILED, retryable, message, clock.instant());
      LOG.warn("PKSO-UPG032 Stemcell upload {} attempt {} failed ({}): {}", key, attempt,
          retryable ? "retryable" : "not retryable", message);
    }
  }

  private void beat() {
    try {
      store.heartbeat(node, clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("PKSO-UPG033 Stemcell upload heartbeat failed: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    heartbeats.shutdownNow();
    if (executor instanceof ExecutorService service) {
      service.shutdownNow();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/" + UUID.randomUUID().toString()
        .substring(0, 8);
  }

  /** The wall-time interval between two checks of a running upload. */
  public Duration pollInterval() {
    return properties.getUploadPollInterval();
  }
}
