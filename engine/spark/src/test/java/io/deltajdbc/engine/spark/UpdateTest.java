package io.deltajdbc.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.dml.UpdateSpec;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.testing.DmlFixtures;
import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** UPDATE on Spark, copy-on-write: the rows after each statement equal delta-spark's on a copy. */
class UpdateTest extends SparkDmlTestBase {
  @ParameterizedTest
  @EnumSource(DmlTables.class)
  void updatesWhatDeltaSparkUpdates(DmlTables kind) {
    Path ours = dir.resolve("ours");
    DeltaTable table = kind.create(ours, Map.of());
    Path oracle = DmlFixtures.copy(ours, "oracle");

    Map<String, String> set = new LinkedHashMap<>();
    set.put("amount", "amount * 2");
    set.put("name", "upper(name)");
    DmlResult r = executor.update(table, new UpdateSpec(null, "id % 4 = 1", set));
    DmlFixtures.sql(
        "UPDATE delta.`"
            + oracle
            + "` SET amount = amount * 2, name = upper(name) WHERE id % 4 = 1");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    assertEquals(6, r.rowsAffected());
    assertEquals("UPDATE", DmlFixtures.operations(ours).get(0));

    // One row of the first file, moved to another partition when partitioned: one file rewritten.
    Map<String, String> move = new LinkedHashMap<>();
    move.put("grp", "'g9'");
    move.put("info", "named_struct('a', 1, 'b', 'x')");
    DmlResult one =
        executor.update(
            table, new UpdateSpec(Predicates.eq(Column.of("id"), Literal.of(2L)), "id = 2", move));
    DmlFixtures.sql(
        "UPDATE delta.`"
            + oracle
            + "` SET grp = 'g9', info = named_struct('a', 1, 'b', 'x') WHERE id = 2");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    List<Action> commit = DmlFixtures.commit(ours, one.version());
    assertEquals(1, DmlFixtures.count(commit, RemoveFile.class));
    assertEquals(kind.partitioned() ? 2 : 1, DmlFixtures.count(commit, AddFile.class));
    assertEquals("1", one.metrics().get("numUpdatedRows"));

    // Every row, nested and time types.
    Map<String, String> all = new LinkedHashMap<>();
    all.put("tags", "array(7, id)");
    all.put("attrs", "map('z', 1)");
    all.put("ts", "ts + INTERVAL 1 DAY");
    all.put("day", "date_add(day, 1)");
    all.put("id", "id + 100");
    DmlResult every = executor.update(table, new UpdateSpec(null, null, all));
    DmlFixtures.sql(
        "UPDATE delta.`"
            + oracle
            + "` SET tags = array(7, id), attrs = map('z', 1), "
            + "ts = ts + INTERVAL 1 DAY, day = date_add(day, 1), id = id + 100");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    assertEquals(24, every.rowsAffected());
  }

  /**
   * Files are found by reading only the condition's columns: conditions on a struct field, with a
   * lambda (whose variable is no column), on a partition column, and with a column named in another
   * case update what delta-spark updates.
   */
  @ParameterizedTest
  @EnumSource(DmlTables.class)
  void conditionsReadOnlyTheirColumns(DmlTables kind) {
    Path ours = dir.resolve("ours");
    DeltaTable table = kind.create(ours, Map.of());
    Path oracle = DmlFixtures.copy(ours, "oracle");
    for (String cond :
        List.of(
            "info.a % 30 = 10",
            "exists(tags, t -> t % 7 = 3)", "grp = 'g1' AND ID > 3", "AMOUNT > 10")) {
      DmlResult r =
          executor.update(table, new UpdateSpec(null, cond, Map.of("name", "concat(name, '!')")));
      long n =
          SparkOracle.spark()
              .sql("UPDATE delta.`" + oracle + "` SET name = concat(name, '!') WHERE " + cond)
              .collectAsList()
              .get(0)
              .getLong(0);
      assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours), cond);
      assertEquals(n, r.rowsAffected(), cond);
    }
  }
}
