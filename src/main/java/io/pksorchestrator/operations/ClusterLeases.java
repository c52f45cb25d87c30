package io.pksorchestrator.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cluster leases in the database ({@code pkso_cluster_lease}, one row per cluster): the primary key decides which
 * operation may change a cluster, on every node sharing the database. Called from delegates, so a lease is taken in
 * the same transaction as the job that decides to change the cluster: it exists exactly when that step committed.
 *
 * <p>A lease counts only while its holder runs: a lease whose process instance no longer exists (deleted without
 * listeners, lost) is ignored by every read and reclaimed by the next acquirer and by {@link #reclaimOrphans()}.
 * Liveness is read from the engine's own table of running executions, in the same database and transaction.
 */
@Service
public class ClusterLeases {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterLeases.class);

  private static final String COLUMNS = "foundation, cluster_name, holder_id, operation, business_key, acquired_at";
  /** A lease is live while the engine has a running execution with the holder's id (its process instance). */
  private static final String LIVE = "EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = pkso_cluster_lease.holder_id)";

  private final JdbcOperations jdbc;
  private final TransactionTemplate savepoint;

  public ClusterLeases(JdbcOperations jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    // inside the engine's transaction: a savepoint, so a lost race on the key does not abort the job's transaction
    // (PostgreSQL); outside one: a transaction of its own
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Takes the leases of {@code clusters} for {@code holder}, in name order (so two operations that want several
   * clusters can never hold one each and wait for the other), stopping at the first cluster that another live
   * operation holds. Leases already held by this holder count as taken (jobs run at least once); leases taken
   * before the blocked cluster stay held.
   */
  public LeaseAcquisition acquire(String foundation, Collection<String> clusters, LeaseHolder holder) {
    List<String> held = new ArrayList<>();
    for (String cluster : new TreeSet<>(clusters)) {
      Optional<ClusterLease> blocking = acquireOne(foundation, cluster, holder);
      if (blocking.isPresent()) {
        return new LeaseAcquisition(held, blocking);
      }
      held.add(cluster);
    }
    return new LeaseAcquisition(held, Optional.empty());
  }

  private Optional<ClusterLease> acquireOne(String foundation, String cluster, LeaseHolder holder) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<ClusterLease> current = row(foundation, cluster);
      if (current.isPresent()) {
        ClusterLease lease = current.get();
        if (lease.holderId().equals(holder.id())) {
          return Optional.empty();
        }
        if (isLive(lease.holderId())) {
          return current;
        }
        int gone = jdbc.update("DELETE FROM pkso_cluster_lease WHERE foundation = ? AND cluster_name = ?"
            + " AND holder_id = ?", foundation, cluster, lease.holderId());
        if (gone > 0) {
          LOG.warn("PKSO-LEASE-002 Reclaimed the lease of {} from {}: that operation no longer runs.", lease.key(),
              lease.describeHolder());
        }
      }
      try {
        savepoint.executeWithoutResult(status -> jdbc.update("INSERT INTO pkso_cluster_lease (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?)", foundation, cluster, holder.id(), holder.operation(),
            truncate(holder.businessKey(), 255), utc(ClockUtil.getCurrentTime().toInstant())));
        LOG.info("PKSO-LEASE-001 {}/{} leased by {} {} (operation {}).", foundation, cluster, holder.operation(),
            holder.businessKey(), holder.id());
        return Optional.empty();
      } catch (DuplicateKeyException takenMeanwhile) {
        // another operation committed its lease after our read: read it again and decide
      }
    }
    throw new IllegalStateException("Could not decide the lease of " + foundation + "/" + cluster + " for "
        + holder.operation() + " " + holder.id() + ": it changed hands three times while being read; the job is"
        + " retried.");
  }

  /** Releases one lease of the holder (a no-op when it does not hold it). */
  public void release(String foundation, String cluster, String holderId) {
    if (jdbc.update("DELETE FROM pkso_cluster_lease WHERE foundation = ? AND cluster_name = ? AND holder_id = ?",
        foundation, cluster, holderId) > 0) {
      LOG.info("PKSO-LEASE-004 {}/{} released by operation {}.", foundation, cluster, holderId);
    }
  }

  /** Releases every lease the holder has; returns how many. */
  public int releaseAll(String holderId) {
    int released = jdbc.update("DELETE FROM pkso_cluster_lease WHERE holder_id = ?", holderId);
    if (released > 0) {
      LOG.info("PKSO-LEASE-005 Operation {} ended: {} cluster lease(s) released.", holderId, released);
    }
    return released;
  }

  /** Deletes leases whose holder no longer runs; returns how many. */
  public int reclaimOrphans() {
    List<ClusterLease> orphans = jdbc.query("SELECT " + COLUMNS + " FROM pkso_cluster_lease WHERE NOT " + LIVE,
        ClusterLeases::map);
    int reclaimed = 0;
    for (ClusterLease o : orphans) {
      reclaimed += jdbc.update("DELETE FROM pkso_cluster_lease WHERE foundation = ? AND cluster_name = ?"
          + " AND holder_id = ? AND NOT " + LIVE, o.foundation(), o.cluster(), o.holderId());
      LOG.warn("PKSO-LEASE-003 Reclaimed the lease of {} from {}: that operation no longer runs.", o.key(),
          o.describeHolder());
    }
    return reclaimed;
  }

  /** The live lease of a cluster, if an operation holds it. */
  public Optional<ClusterLease> find(String foundation, String cluster) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_cluster_lease WHERE foundation = ? AND cluster_name = ?"
        + " AND " + LIVE, ClusterLeases::map, foundation, cluster).stream().findFirst();
  }

  /** Every live lease, by foundation and cluster. */
  public List<ClusterLease> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_cluster_lease WHERE " + LIVE
        + " ORDER BY foundation, cluster_name", ClusterLeases::map);
  }

  /** The leases an operation holds, by foundation and cluster. */
  public List<ClusterLease> heldBy(String holderId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_cluster_lease WHERE holder_id = ?"
        + " ORDER BY foundation, cluster_name", ClusterLeases::map, holderId);
  }

  private Optional<ClusterLease> row(String foundation, String cluster) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_cluster_lease WHERE foundation = ? AND cluster_name = ?",
        ClusterLeases::map, foundation, cluster).stream().findFirst();
  }

  private boolean isLive(String holderId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = ?", Integer.class, holderId);
    return n != null && n > 0;
  }

  private static ClusterLease map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime at = rs.getObject(6, OffsetDateTime.class);
    return new ClusterLease(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        at == null ? null : at.toInstant());
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
