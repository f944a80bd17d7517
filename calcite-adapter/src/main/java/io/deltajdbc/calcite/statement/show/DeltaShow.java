package io.deltajdbc.calcite.statement.show;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.DeltaWarehouseSchema;
import io.deltajdbc.calcite.sql.ast.SqlDeltaShow;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Prepares Spark's SHOW and DESCRIBE statements ({@link SqlDeltaShow}): names are resolved when the
 * statement is prepared (an unknown table is 42S02 then), the rows are read from the Delta log when
 * it executes. Column names are Spark's: {@code namespace, tableName, isTemporary} for SHOW TABLES,
 * {@code namespace} for SHOW SCHEMAS, {@code col_name} for SHOW COLUMNS, {@code col_name,
 * data_type, comment} for DESCRIBE, {@code key, value} for SHOW TBLPROPERTIES and {@code
 * createtab_stmt} for SHOW CREATE TABLE.
 */
public final class DeltaShow {
  private DeltaShow() {}

  public static <T> CalciteSignature<T> prepare(
      CalcitePrepare.Context context, SqlDeltaShow show, String sql) {
    return switch (show.kind) {
      case TABLES -> tables(context, show).signature(context, sql);
      case SCHEMAS -> schemas(context, show).signature(context, sql);
      case COLUMNS -> columns(table(context, show.name)).signature(context, sql);
      case DESCRIBE -> describe(table(context, show.name)).signature(context, sql);
      case TBLPROPERTIES -> properties(context, show).signature(context, sql);
      case CREATE_TABLE -> createTable(context, show).signature(context, sql);
      case DESCRIBE_HISTORY, DESCRIBE_DETAIL ->
          throw new IllegalArgumentException(show.kind.words + " is a query of a metadata table");
    };
  }

  private static ShowRows tables(CalcitePrepare.Context context, SqlDeltaShow show) {
    String schemaName =
        show.name == null ? context.getDefaultSchemaPath().get(0) : show.name.getSimple();
    TableRef any =
        TableRef.resolve(context, new SqlIdentifier(List.of(schemaName, "_"), SqlParserPos.ZERO));
    DeltaWarehouseSchema schema = any.schema();
    String namespace = any.schemaName();
    Predicate<String> matches = SparkPattern.of(pattern(show));
    return new ShowRows(
        List.of("namespace", "tableName", "isTemporary"),
        List.of(String.class, String.class, Boolean.class),
        () -> {
          List<Object[]> rows = new ArrayList<>();
          for (String t : schema.tables().getNames(LikePattern.any())) {
            if (matches.test(t)) {
              rows.add(new Object[] {namespace, t, false});
            }
          }
          return rows;
        });
  }

  private static ShowRows schemas(CalcitePrepare.Context context, SqlDeltaShow show) {
    String defaultName = context.getDefaultSchemaPath().get(0);
    TableRef any =
        TableRef.resolve(context, new SqlIdentifier(List.of(defaultName, "_"), SqlParserPos.ZERO));
    Predicate<String> matches = SparkPattern.of(pattern(show));
    return ShowRows.strings(
        List.of("namespace"),
        () -> {
          TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
          names.add(any.schemaName());
          names.addAll(any.schema().schemaFolders());
          return names.stream().filter(matches).map(n -> new Object[] {n}).toList();
        });
  }

  private static ShowRows columns(Resolved table) {
    return ShowRows.strings(
        List.of("col_name"),
        () ->
            table.snapshot().schema().fields().stream().map(f -> new Object[] {f.name()}).toList());
  }

  /** Spark's DESCRIBE TABLE of a Delta table: the columns, then {@code # Partition Information}. */
  private static ShowRows describe(Resolved table) {
    return ShowRows.strings(
        List.of("col_name", "data_type", "comment"),
        () -> {
          Snapshot snapshot = table.snapshot();
          List<Object[]> rows = new ArrayList<>();
          for (StructField f : snapshot.schema().fields()) {
            rows.add(describeRow(f));
          }
          List<String> partitions = snapshot.partitionColumns();
          if (!partitions.isEmpty()) {
            rows.add(new Object[] {"# Partition Information", "", ""});
            rows.add(new Object[] {"# col_name", "data_type", "comment"});
            for (String p : partitions) {
              snapshot.schema().get(p).ifPresent(f -> rows.add(describeRow(f)));
            }
          }
          return rows;
        });
  }

  private static Object[] describeRow(StructField f) {
    return new Object[] {
      f.name(), SparkTypeNames.catalogString(f.type()), f.comment().orElse(null)
    };
  }

  private static ShowRows properties(CalcitePrepare.Context context, SqlDeltaShow show) {
    Resolved table = table(context, show.name);
    String key = pattern(show);
    return ShowRows.strings(
        List.of("key", "value"),
        () -> {
          Map<String, String> all = TableProperties.of(table.snapshot());
          if (key == null) {
            return all.entrySet().stream()
                .map(e -> new Object[] {e.getKey(), e.getValue()})
                .toList();
          }
          String value = all.get(key);
          return List.<Object[]>of(
              new Object[] {
                key,
                value != null
                    ? value
                    : "Table " + table.ref().qualified() + " does not have property: " + key
              });
        });
  }

  private static ShowRows createTable(CalcitePrepare.Context context, SqlDeltaShow show) {
    Resolved table = table(context, show.name);
    return ShowRows.strings(
        List.of("createtab_stmt"),
        () ->
            List.<Object[]>of(
                new Object[] {
                  CreateTableText.of(table.ref().schemaName(), table.ref().name(), table.snapshot())
                }));
  }

  private static String pattern(SqlDeltaShow show) {
    return show.pattern == null ? null : ((SqlLiteral) show.pattern).getValueAs(String.class);
  }

  /**
   * {@code t}, {@code schema.t}, either with a version ({@code t@v3}): the table, which must exist.
   */
  private static Resolved table(CalcitePrepare.Context context, SqlIdentifier id) {
    TableRef ref = TableRef.resolve(context, id);
    String written = id.names.get(id.names.size() - 1);
    var found = ref.schema().tables().getIgnoreCase(written);
    if (found == null || !(found.entity() instanceof DeltaCalciteTable table)) {
      throw DeltaErrors.tableNotFound(ref.qualified());
    }
    return new Resolved(ref, table);
  }

  /** A table as a SHOW statement reads it: its name and the version asked for. */
  private record Resolved(TableRef ref, DeltaCalciteTable table) {
    Snapshot snapshot() {
      return table.snapshot();
    }
  }
}
