package io.deltajdbc.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.dml.DeleteSpec;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.dml.MergeClause.MatchedDelete;
import io.deltajdbc.engine.dml.MergeClause.MatchedUpdate;
import io.deltajdbc.engine.dml.MergeClause.NotMatchedInsert;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.dml.UpdateSpec;
import io.deltajdbc.engine.testing.DmlFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DML on tables with deletion vectors enabled: DELETE writes deletion vectors and no data file,
 * UPDATE and MERGE write vectors for the old rows and new files for the changed ones; delta-spark
 * reads the result as it computes the same statements on a copy.
 */
class DeletionVectorDmlTest extends SparkDmlTestBase {
  @ParameterizedTest
  @EnumSource(
      value = DmlTables.class,
      names = {"PLAIN", "DELTA_SPARK"})
  void deletionVectorsInsteadOfRewrites(DmlTables kind) throws IOException {
    Path ours = dir.resolve("ours");
    DeltaTable table = kind.create(ours, Map.of("delta.enableDeletionVectors", "true"));
    Path oracle = DmlFixtures.copy(ours, "oracle");
    long parquetBefore = parquetFiles(ours);

    DmlResult r = executor.delete(table, DeleteSpec.where("id % 5 = 0 AND name IS NOT NULL"));
    DmlFixtures.sql("DELETE FROM delta.`" + oracle + "` WHERE id % 5 = 0 AND name IS NOT NULL");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    assertEquals(4, r.rowsAffected());
    List<Action> commit = DmlFixtures.commit(ours, r.version());
    Set<String> removed =
        DmlFixtures.removes(commit).stream().map(f -> f.path()).collect(Collectors.toSet());
    for (AddFile a : DmlFixtures.adds(commit)) {
      assertNotNull(a.deletionVector(), a.path());
      assertTrue(removed.contains(a.path()), a.path());
    }
    assertEquals(parquetBefore, parquetFiles(ours)); // no data file rewritten
    assertEquals(rowsReadByUs(table), DmlFixtures.rows(oracle).size());

    // A second delete in a file that has a vector already: the vector grows.
    DmlResult again = executor.delete(table, DeleteSpec.where("id = 2"));
    DmlFixtures.sql("DELETE FROM delta.`" + oracle + "` WHERE id = 2");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    List<AddFile> readded = DmlFixtures.adds(DmlFixtures.commit(ours, again.version()));
    if (kind.partitioned()) {
      assertEquals(List.of(), readded); // ids 2 and 5 were all of the file: it is removed
    } else {
      assertEquals(2, readded.get(0).deletionVector().cardinality()); // ids 2 and 5
    }

    DmlResult u =
        executor.update(table, new UpdateSpec(null, "id % 4 = 1", Map.of("amount", "amount + 1")));
    DmlFixtures.sql("UPDATE delta.`" + oracle + "` SET amount = amount + 1 WHERE id % 4 = 1");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    assertEquals(5, u.rowsAffected()); // 1, 9, 13, 17, 21

    List<Row> source =
        List.of(
            Row.of(1L, "one", 1.5, "delete"),
            Row.of(3L, "three", 3.0, "update"),
            Row.of(200L, "new", 2.0, "insert"));
    executor.merge(
        table,
        new MergeSpec(
            MergeTest.SOURCE,
            source,
            "t",
            "s",
            "t.id = s.id",
            List.of(
                new MatchedDelete("s.op = 'delete'"),
                new MatchedUpdate(null, Map.of("name", "s.name")),
                new NotMatchedInsert(null, Map.of("id", "s.id", "name", "s.name")))));
    MergeTest.view(source, "dv_source");
    DmlFixtures.sql(
        "MERGE INTO delta.`"
            + oracle
            + "` AS t USING dv_source AS s ON t.id = s.id "
            + "WHEN MATCHED AND s.op = 'delete' THEN DELETE WHEN MATCHED THEN UPDATE SET name = s.name "
            + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    assertEquals(rowsReadByUs(table), DmlFixtures.rows(oracle).size());
  }

  private static long rowsReadByUs(DeltaTable table) throws IOException {
    long n = 0;
    try (CloseableIterator<Row> it = table.latestSnapshot().scanBuilder().build().rows()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  private static long parquetFiles(Path table) throws IOException {
    try (Stream<Path> s = Files.walk(table)) {
      return s.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }
}
