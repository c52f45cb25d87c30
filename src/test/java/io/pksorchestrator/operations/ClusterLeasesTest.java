package io.pksorchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lease rules on both databases the product runs on (H2 and a real PostgreSQL 14), with the application's
 * migrations. The engine's table of running executions is stood in for by a one-column {@code ACT_RU_EXECUTION}:
 * a holder "runs" while its id is in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterLeasesTest {

  private EmbeddedPostgres postgres;
  private Db h2;
  private Db pg;

  record Db(String name, DataSource ds, JdbcTemplate jdbc, ClusterLeases leases, TransactionTemplate tx) {
    @Override
    public String toString() {
      return name;
    }

    void running(String... ids) {
      for (String id : ids) {
        jdbc.update("INSERT INTO ACT_RU_EXECUTION (ID_) VALUES (?)", id);
      }
    }

    void ended(String id) {
      jdbc.update("DELETE FROM ACT_RU_EXECUTION WHERE ID_ = ?", id);
    }
  }

  @BeforeAll
  void startDatabases() throws Exception {
    h2 = db("H2", new DriverManagerDataSource("jdbc:h2:mem:leases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "sa", ""));
    postgres = EmbeddedPostgres.builder().start();
    pg = db("PostgreSQL", postgres.getPostgresDatabase());
  }

  @AfterAll
  void stopDatabases() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static Db db(String name, DataSource ds) {
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("pkso_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    jdbc.execute("CREATE TABLE ACT_RU_EXECUTION (ID_ VARCHAR(64) PRIMARY KEY)");
    DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
    return new Db(name, ds, jdbc, new ClusterLeases(jdbc, tm), new TransactionTemplate(tm));
  }

  Stream<Arguments> databases() {
    return Stream.of(Arguments.of(h2), Arguments.of(pg));
  }

  private static String unique(String s) {
    return s + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFreeClusterIsLeasedOnceAndTheHolderMayAskAgain(Db db) {
    String c = unique("web");
    String op = unique("op");
    db.running(op);
    LeaseHolder resize = new LeaseHolder(op, LeaseHolder.RESIZE, "lab/" + c);

    assertThat(db.leases().acquire("lab", List.of(c), resize).complete()).isTrue();
    assertThat(db.leases().acquire("lab", List.of(c), resize).complete()).as("idempotent for its holder").isTrue();
    assertThat(db.leases().find("lab", c)).hasValueSatisfying(l -> {
      assertThat(l.holderId()).isEqualTo(op);
      assertThat(l.operation()).isEqualTo("resize");
      assertThat(l.businessKey()).isEqualTo("lab/" + c);
      assertThat(l.acquiredAt()).isNotNull();
      assertThat(l.describeHolder()).isEqualTo("resize lab/" + c + " (operation " + op + ")");
    });
    assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM pkso_cluster_lease WHERE cluster_name = ?",
        Integer.class, c)).isEqualTo(1);
    assertThat(db.leases().find("other", c)).as("the key is foundation AND cluster").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anotherOperationIsRefusedWithTheHolderUntilTheLeaseIsReleased(Db db) {
    String c = unique("web");
    String upgrade = unique("upgrade");
    String resize = unique("resize");
    db.running(upgrade, resize);
    db.leases().acquire("lab", List.of(c), new LeaseHolder(upgrade, LeaseHolder.UPGRADE, "CHG-1"));

    LeaseAcquisition refused = db.leases().acquire("lab", List.of(c), new LeaseHolder(resize, "resize", "lab/" + c));
    assertThat(refused.complete()).isFalse();
    assertThat(refused.held()).isEmpty();
    assertThat(refused.blockedBy()).hasValueSatisfying(l -> assertThat(l.holderId()).isEqualTo(upgrade));

    db.leases().release("lab", c, resize); // not the holder: nothing happens
    assertThat(db.leases().find("lab", c)).isPresent();
    db.leases().release("lab", c, upgrade);
    assertThat(db.leases().find("lab", c)).isEmpty();
    assertThat(db.leases().acquire("lab", List.of(c), new LeaseHolder(resize, "resize", "x")).complete()).isTrue();
    assertThat(db.leases().releaseAll(resize)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void severalClustersAreTakenInNameOrderUpToTheFirstHeldOne(Db db) {
    String prefix = unique("c");
    String a = prefix + "-a", b = prefix + "-b", c = prefix + "-c";
    String resize = unique("resize");
    String upgrade = unique("upgrade");
    db.running(resize, upgrade);
    db.leases().acquire("lab", List.of(b), new LeaseHolder(resize, "resize", "lab/" + b));

    LeaseAcquisition partial = db.leases().acquire("lab", List.of(c, b, a), new LeaseHolder(upgrade, "upgrade", "U"));
    assertThat(partial.held()).containsExactly(a);
    assertThat(partial.blockedBy()).hasValueSatisfying(l -> assertThat(l.cluster()).isEqualTo(b));
    assertThat(db.leases().find("lab", c)).as("nothing taken after the blocked cluster").isEmpty();

    db.leases().releaseAll(resize);
    LeaseAcquisition all = db.leases().acquire("lab", List.of(a, b, c), new LeaseHolder(upgrade, "upgrade", "U"));
    assertThat(all.complete()).isTrue();
    assertThat(all.held()).containsExactly(a, b, c);
    assertThat(db.leases().heldBy(upgrade)).extracting(ClusterLease::cluster).containsExactly(a, b, c);
    assertThat(db.leases().releaseAll(upgrade)).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aLeaseWhoseOperationNoLongerRunsIsIgnoredAndReclaimed(Db db) {
    String c1 = unique("web"), c2 = unique("web");
    String gone = unique("deleted");
    String next = unique("next");
    db.running(gone, next);
    db.leases().acquire("lab", List.of(c1, c2), new LeaseHolder(gone, "creation", "T-1"));
    db.ended(gone); // e.g. deleted from Cockpit with "skip custom listeners" and the release never ran

    assertThat(db.leases().find("lab", c1)).as("not live").isEmpty();
    assertThat(db.leases().all()).noneMatch(l -> l.holderId().equals(gone));
    assertThat(db.leases().acquire("lab", List.of(c1), new LeaseHolder(next, "resize", "r")).complete())
        .as("reclaimed at acquire time").isTrue();
    assertThat(db.leases().find("lab", c1)).hasValueSatisfying(l -> assertThat(l.holderId()).isEqualTo(next));

    assertThat(db.leases().reclaimOrphans()).as("the periodic reclaim takes the other one").isEqualTo(1);
    assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM pkso_cluster_lease WHERE holder_id = ?",
        Integer.class, gone)).isZero();
    db.leases().releaseAll(next);
  }

  /**
   * Two operations decide at the same moment, each in its own transaction: the key lets exactly one win, and the
   * loser's transaction (the engine's job) stays usable: it learns who holds the cluster and commits its own work.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void concurrentAcquirersGetOneWinnerAndTheLoserKeepsItsTransaction(Db db) throws Exception {
    String c = unique("web");
    String first = unique("first");
    String second = unique("second");
    db.running(first, second);
    CountDownLatch firstInserted = new CountDownLatch(1);
    CountDownLatch secondTrying = new CountDownLatch(1);

    CompletableFuture<LeaseAcquisition> a = CompletableFuture.supplyAsync(() -> db.tx().execute(status -> {
      LeaseAcquisition r = db.leases().acquire("lab", List.of(c), new LeaseHolder(first, "resize", "a"));
      firstInserted.countDown();
      await(secondTrying);
      pause(300); // let the second insert run into the uncommitted key
      return r;
    }));
    await(firstInserted);
    CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> db.tx().execute(status -> {
      secondTrying.countDown();
      LeaseAcquisition r = db.leases().acquire("lab", List.of(c), new LeaseHolder(second, "upgrade", "b"));
      // the same transaction goes on after the lost race (on PostgreSQL only thanks to the savepoint)
      db.jdbc().update("INSERT INTO ACT_RU_EXECUTION (ID_) VALUES (?)", second + "-after");
      return r.blockedBy().map(ClusterLease::holderId).orElse("acquired");
    }));

    assertThat(a.get(30, TimeUnit.SECONDS).complete()).isTrue();
    assertThat(b.get(30, TimeUnit.SECONDS)).as("the second learns the winner").isEqualTo(first);
    assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = ?", Integer.class,
        second + "-after")).as("the loser's transaction committed its other work").isEqualTo(1);
    assertThat(db.leases().find("lab", c)).hasValueSatisfying(l -> assertThat(l.holderId()).isEqualTo(first));
    db.leases().releaseAll(first);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError("the other transaction did not get there in 20 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
