package io.pksorchestrator.engine;

import static io.pksorchestrator.engine.clusternode.ClusterNodeModels.LOG_TABLE;

import io.pksorchestrator.engine.clusternode.ClusterNodeModels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** TEST ONLY: the rows the nodes of {@link ClusteredEngineIT} write, and the engine tables it checks, over JDBC. */
final class ClusterTestLogReader {

  /** A committed timer firing: the due date of the timer job and when, where and by which executor it ran. */
  record Firing(String node, String lockOwner, String processInstanceId, long dueAt, long firedAt) {}

  /** An attempt of the call step; {@code endedAt} is null when the job's transaction never committed. */
  record Attempt(long id, String node, String lockOwner, String processInstanceId, String businessKey, long startedAt,
      Long endedAt) {}

  /** A row of ACT_HI_PROCINST. */
  record HistoricInstance(String id, String businessKey, String state, boolean ended) {}

  /** The lock of a job in ACT_RU_JOB. */
  record JobLock(String lockOwner, Long lockExpiresAt) {}

  private final DataSource db;

  ClusterTestLogReader(DataSource db) {
    this.db = db;
  }

  void createLogTable() throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table " + LOG_TABLE + " (id bigserial primary key, kind varchar(16) not null, "
          + "node varchar(8) not null, lock_owner varchar(64), process_instance_id varchar(64) not null, "
          + "business_key varchar(64), due_at bigint, started_at bigint not null, ended_at bigint)");
    }
  }

  List<Firing> firings() throws SQLException {
    return query("select node, lock_owner, process_instance_id, due_at, started_at from " + LOG_TABLE
        + " where kind = '" + ClusterNodeModels.KIND_FIRING + "' order by due_at, id", rs -> new Firing(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
  }

  List<Attempt> attempts() throws SQLException {
    return query("select id, node, lock_owner, process_instance_id, business_key, started_at, ended_at from "
        + LOG_TABLE + " where kind = '" + ClusterNodeModels.KIND_ATTEMPT + "' order by id", rs -> new Attempt(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
        (Long) rs.getObject(7)));
  }

  List<HistoricInstance> historicInstances(String processKey) throws SQLException {
    return query("select id_, business_key_, state_, end_time_ from act_hi_procinst where proc_def_key_ = '"
        + processKey + "'", rs -> new HistoricInstance(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getTimestamp(4) != null));
  }

  List<JobLock> jobLocks(String processInstanceId) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(
            "select lock_owner_, lock_exp_time_ from act_ru_job where process_instance_id_ = ?")) {
      s.setString(1, processInstanceId);
      List<JobLock> locks = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          locks.add(new JobLock(rs.getString(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).getTime()));
        }
      }
      return locks;
    }
  }

  long count(String sql) throws SQLException {
    return query(sql, rs -> rs.getLong(1)).get(0);
  }

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Row<T> row) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<T> result = new ArrayList<>();
      while (rs.next()) {
        result.add(row.map(rs));
      }
      return result;
    }
  }
}
