package io.deltajdbc.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.dml.DeleteSpec;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.testing.DmlFixtures;
import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DELETE on Spark, copy-on-write: the rows left equal delta-spark's on a copy of the table. */
class DeleteTest extends SparkDmlTestBase {
  @ParameterizedTest
  @EnumSource(DmlTables.class)
  void deletesWhatDeltaSparkDeletes(DmlTables kind) {
    Path ours = dir.resolve("ours");
    DeltaTable table = kind.create(ours, Map.of());
    Path oracle = DmlFixtures.copy(ours, "oracle");

    DmlResult r = executor.delete(table, DeleteSpec.where("id % 5 = 0 AND name IS NOT NULL"));
    DmlFixtures.sql("DELETE FROM delta.`" + oracle + "` WHERE id % 5 = 0 AND name IS NOT NULL");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    assertEquals(4, r.rowsAffected()); // 5, 10, 15, 20 (0 has no name)
    assertEquals(4, r.version());
    assertEquals("DELETE", DmlFixtures.operations(ours).get(0));

    // One row of the first file (ids 0-7): that file alone is rewritten.
    DmlResult one =
        executor.delete(
            table, new DeleteSpec(Predicates.eq(Column.of("id"), Literal.of(3L)), "id = 3"));
    DmlFixtures.sql("DELETE FROM delta.`" + oracle + "` WHERE id = 3");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    assertEquals(1, one.rowsAffected());
    List<Action> commit = DmlFixtures.commit(ours, one.version());
    assertEquals(1, DmlFixtures.count(commit, RemoveFile.class));
    assertEquals(1, DmlFixtures.count(commit, AddFile.class));
    assertEquals("1", one.metrics().get("numDeletedRows"));
    assertEquals(kind.partitioned() ? "2" : "6", one.metrics().get("numCopiedRows"));

    if (kind.partitioned()) {
      // A condition on the partition column removes whole files without rewriting.
      DmlResult part = executor.delete(table, DeleteSpec.where("grp = 'g1'"));
      DmlFixtures.sql("DELETE FROM delta.`" + oracle + "` WHERE grp = 'g1'");
      assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
      List<Action> c = DmlFixtures.commit(ours, part.version());
      assertEquals(0, DmlFixtures.count(c, AddFile.class));
      assertEquals(3, DmlFixtures.count(c, RemoveFile.class));
      assertTrue(part.rowsAffected() > 0);
    }
    assertEquals(
        DmlFixtures.rows(oracle).size(),
        SparkOracle.spark().read().format("delta").load(ours.toString()).count());
  }

  @Test
  void nothingMatchingCommitsNothing() {
    Path ours = dir.resolve("t");
    DeltaTable table = DmlTables.PLAIN.create(ours, Map.of());
    DmlResult r = executor.delete(table, DeleteSpec.where("id > 1000"));
    assertEquals(0, r.rowsAffected());
    assertEquals(-1, r.version());
    assertEquals(3, table.latestSnapshot().version());
  }

  @Test
  void deleteWithoutConditionEmptiesTheTable() {
    Path ours = dir.resolve("t");
    DeltaTable table = DmlTables.PLAIN.create(ours, Map.of());
    DmlResult r = executor.delete(table, new DeleteSpec(null, null));
    assertEquals(24, r.rowsAffected());
    assertEquals(0, DmlFixtures.rows(ours).size());
  }
}
