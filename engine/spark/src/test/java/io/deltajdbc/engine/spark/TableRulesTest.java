package io.deltajdbc.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.dml.DeleteSpec;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.dml.MergeClause.NotMatchedInsert;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.dml.UpdateSpec;
import io.deltajdbc.engine.testing.DmlFixtures;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.Transaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Table rules on every DML write, and failure atomicity: a statement that fails (CHECK or NOT NULL
 * violation, a value that does not fit, a Spark task failure) leaves the table at the same version
 * with the same rows.
 */
class TableRulesTest extends SparkDmlTestBase {
  @Test
  void checkConstraintsHoldOnUpdateAndInsertRows() {
    Path path = dir.resolve("checked");
    DmlFixtures.theirs(path, false, 2, 5, Map.of());
    DmlFixtures.sql("ALTER TABLE delta.`" + path + "` ADD CONSTRAINT positive CHECK (amount > 0)");
    DeltaTable table = DeltaTable.forPath(path.toString());

    DeltaException e =
        unchanged(
            table,
            path,
            () ->
                executor.update(
                    table, new UpdateSpec(null, "id = 3", Map.of("amount", "-amount"))));
    assertEquals(ErrorCode.CONSTRAINT_VIOLATION, e.code());
    assertTrue(
        e.getMessage().contains("positive")
            && e.getMessage().contains(path.toString())
            && e.getMessage().contains("id = 3"),
        e.getMessage());

    DmlResult ok =
        executor.update(table, new UpdateSpec(null, "id = 3", Map.of("amount", "amount + 1")));
    assertEquals(1, ok.rowsAffected());

    Row bad =
        Row.of(99L, "n", new java.math.BigDecimal("-1.00"), null, null, null, null, null, "g0");
    DeltaException c =
        assertThrows(
            DeltaException.class,
            () ->
                executor.checkConstraints(
                    table.latestSnapshot(), DmlFixtures.SCHEMA, List.of(bad)));
    assertEquals(ErrorCode.CONSTRAINT_VIOLATION, c.code());
    assertTrue(c.getMessage().contains("amount > 0"), c.getMessage());
    Row good =
        Row.of(99L, "n", new java.math.BigDecimal("1.00"), null, null, null, null, null, "g0");
    executor.checkConstraints(table.latestSnapshot(), DmlFixtures.SCHEMA, List.of(good));

    // The engine's own write path refuses rows on a table with CHECK constraints unless they were
    // checked.
    Transaction unchecked = table.startTransaction();
    unchecked.write(List.of(good).iterator());
    assertEquals(
        ErrorCode.UNSUPPORTED_TABLE_FEATURE,
        assertThrows(DeltaException.class, () -> unchecked.commit(Operation.append())).code());
    Transaction checked = table.startTransaction();
    checked.write(List.of(good).iterator());
    checked.constraintsChecked();
    checked.commit(Operation.append());
    assertEquals(11, DmlFixtures.rows(path).size());
  }

  @Test
  void notNullWrongTypesAndTaskFailuresCommitNothing() {
    Path path = dir.resolve("t");
    DeltaTable table = DmlTables.PARTITIONED.create(path, Map.of());

    DeltaException notNull =
        unchanged(
            table,
            path,
            () -> executor.update(table, new UpdateSpec(null, "id = 4", Map.of("id", "NULL"))));
    assertEquals(ErrorCode.CONSTRAINT_VIOLATION, notNull.code());
    assertTrue(notNull.getMessage().contains("column id"), notNull.getMessage());

    DeltaException notANumber =
        unchanged(
            table,
            path,
            () ->
                executor.update(table, new UpdateSpec(null, "id = 4", Map.of("amount", "'abc'"))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, notANumber.code());
    assertTrue(
        notANumber.getMessage().contains("column amount")
            && notANumber.getMessage().contains("abc"),
        notANumber.getMessage());

    DeltaException overflow =
        unchanged(
            table,
            path,
            () ->
                executor.update(
                    table, new UpdateSpec(null, null, Map.of("amount", "amount * 1e12"))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, overflow.code());

    // A task fails while files are being written: the log is untouched.
    DeltaException failed =
        unchanged(
            table,
            path,
            () ->
                executor.update(
                    table,
                    new UpdateSpec(
                        null,
                        "id > 2",
                        Map.of(
                            "name", "CASE WHEN id = 20 THEN raise_error('boom') ELSE name END"))));
    assertEquals(ErrorCode.EXECUTION_FAILED, failed.code());
    assertTrue(failed.getMessage().contains("boom"), failed.getMessage());

    DeltaException badExpression =
        unchanged(table, path, () -> executor.delete(table, DeleteSpec.where("nope = 1")));
    assertEquals(ErrorCode.INVALID_ARGUMENT, badExpression.code());
  }

  @Test
  void appendOnlyTablesRefuseDeletesAndUpdatesButTakeInserts() {
    Path path = dir.resolve("appendOnly");
    DeltaTable table = DmlTables.PLAIN.create(path, Map.of("delta.appendOnly", "true"));
    assertEquals(
        ErrorCode.CONSTRAINT_VIOLATION,
        unchanged(table, path, () -> executor.delete(table, DeleteSpec.where("id = 1"))).code());
    assertEquals(
        ErrorCode.CONSTRAINT_VIOLATION,
        unchanged(
                table,
                path,
                () -> executor.update(table, new UpdateSpec(null, "id = 1", Map.of("name", "'x'"))))
            .code());
    DmlResult r =
        executor.merge(
            table,
            new MergeSpec(
                MergeTest.SOURCE,
                List.of(Row.of(77L, "n", 1.0, "i")),
                "t",
                "s",
                "t.id = s.id",
                List.of(new NotMatchedInsert(null, Map.of("id", "s.id", "name", "s.name")))));
    assertEquals(1, r.rowsAffected());
  }

  /** Runs a statement that must fail, and checks that the table kept its version and rows. */
  private static DeltaException unchanged(DeltaTable table, Path path, Executable statement) {
    long version = table.latestSnapshot().version();
    List<String> rows = DmlFixtures.rows(path);
    DeltaException e = assertThrows(DeltaException.class, statement);
    assertEquals(version, table.latestSnapshot().version());
    assertEquals(rows, DmlFixtures.rows(path));
    return e;
  }
}
