package io.deltajdbc.calcite.statement;

import io.deltajdbc.calcite.VersionSpec;
import io.deltajdbc.calcite.sql.DeltaPrepare;
import io.deltajdbc.calcite.sql.ast.SqlDeltaColumn;
import io.deltajdbc.calcite.sql.ast.SqlDeltaShow;
import io.deltajdbc.calcite.sql.ast.SqlDeltaUtility;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.calcite.statement.show.ShowRows;
import io.deltajdbc.calcite.utility.MetadataTables;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.utilities.ConvertRequest;
import io.deltajdbc.engine.utilities.RestoreResult;
import io.deltajdbc.engine.utilities.RestoreTarget;
import io.deltajdbc.engine.utilities.VacuumRequest;
import io.deltajdbc.engine.utilities.VacuumResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * Delta's table utilities in SQL, each run by the engine when the statement is executed. DESCRIBE
 * HISTORY and DESCRIBE DETAIL are queries of the table's metadata tables ({@code t$history}, {@code
 * t$detail}), planned as any query; VACUUM and RESTORE answer with delta-spark's result columns;
 * CONVERT TO DELTA answers with the number of Parquet files it made the table of. Tables are named,
 * never given as paths: {@code parquet.`folder`} is the folder of that name in the warehouse.
 */
final class UtilityStatements {
  private UtilityStatements() {}

  /** DESCRIBE HISTORY t [LIMIT n] and DESCRIBE DETAIL t. */
  @SuppressWarnings("unchecked")
  static <T> CalciteSignature<T> describe(
      DeltaPrepare prepare, CalcitePrepare.Context context, SqlDeltaShow show) {
    TableRef ref = latest(context, show.name, show.kind.words);
    boolean history = show.kind == SqlDeltaShow.Kind.DESCRIBE_HISTORY;
    String query =
        "SELECT * FROM "
            + quote(ref.schemaName())
            + "."
            + quote(ref.name() + (history ? MetadataTables.HISTORY : MetadataTables.DETAIL))
            + (history && show.pattern != null ? " LIMIT " + limit(show.pattern, ref) : "");
    return (CalciteSignature<T>)
        prepare.prepareSql(context, CalcitePrepare.Query.of(query), Object[].class, -1);
  }

  static <T> CalciteSignature<T> prepare(
      CalcitePrepare.Context context, SqlDeltaUtility u, String sql) {
    return switch (u.kind) {
      case VACUUM -> vacuum(context, u, sql);
      case RESTORE -> restore(context, u, sql);
      case CONVERT -> convert(context, u, sql);
      case OPTIMIZE ->
          OptimizeStatement.prepare(context, u, latest(context, u.table, "OPTIMIZE"), sql);
    };
  }

  /** delta-spark's result: the table's path, or for DRY RUN the paths it would delete. */
  private static <T> CalciteSignature<T> vacuum(
      CalcitePrepare.Context context, SqlDeltaUtility u, String sql) {
    TableRef ref = latest(context, u.table, "VACUUM");
    VacuumRequest request = VacuumRequest.defaults();
    if (u.retainHours != null) {
      request = request.retain(((SqlLiteral) u.retainHours).getValueAs(Double.class));
    }
    if (u.dryRun) {
      request = request.asDryRun();
    }
    VacuumRequest asked = request;
    DeltaTable table = ref.table();
    return ShowRows.strings(
            List.of("path"),
            () -> {
              VacuumResult r = table.vacuum(asked);
              if (!r.dryRun()) {
                return Collections.singletonList(new Object[] {r.location()});
              }
              return r.paths().stream().map(p -> new Object[] {p}).toList();
            })
        .signature(context, sql);
  }

  /** delta-spark's six result columns. */
  private static <T> CalciteSignature<T> restore(
      CalcitePrepare.Context context, SqlDeltaUtility u, String sql) {
    String written = u.table.names.get(u.table.names.size() - 1);
    VersionSpec spec = VersionSpec.parse(written);
    if (spec.isLatest()) {
      throw DeltaErrors.invalidArgument(
          "RESTORE TABLE "
              + written
              + " needs the version to restore: TO VERSION AS OF n or TO TIMESTAMP AS OF '...'.");
    }
    TableRef ref = TableRef.resolve(context, base(u.table)).requireExists();
    RestoreTarget target =
        spec.version() != null
            ? RestoreTarget.ofVersion(spec.version())
            : RestoreTarget.ofTimestamp(spec.timestamp());
    DeltaTable table = ref.table();
    List<String> names =
        List.of(
            "table_size_after_restore",
            "num_of_files_after_restore",
            "num_removed_files",
            "num_restored_files",
            "removed_files_size",
            "restored_files_size");
    List<Class<?>> types = Collections.nCopies(names.size(), Long.class);
    return new ShowRows(
            names,
            types,
            () -> {
              RestoreResult r = table.restore(target);
              return Collections.singletonList(
                  new Object[] {
                    r.tableSizeAfterRestore(),
                    r.numOfFilesAfterRestore(),
                    r.numRemovedFiles(),
                    r.numRestoredFiles(),
                    r.removedFilesSize(),
                    r.restoredFilesSize()
                  });
            })
        .signature(context, sql);
  }

  /** The update count is the number of Parquet files the new table holds (0 for a Delta table). */
  private static <T> CalciteSignature<T> convert(
      CalcitePrepare.Context context, SqlDeltaUtility u, String sql) {
    SqlIdentifier id = u.table;
    if (id.names.size() == 2 && id.names.get(0).equalsIgnoreCase("parquet")) {
      id = new SqlIdentifier(id.names.get(1), id.getParserPosition()); // Spark's parquet.`t`
    }
    TableRef ref = TableRef.resolve(context, id);
    List<StructField> partitions = new ArrayList<>();
    if (u.partitionColumns != null) {
      for (SqlNode c : u.partitionColumns) {
        partitions.add(((SqlDeltaColumn) c).toField());
      }
    }
    ConvertRequest request =
        partitions.isEmpty()
            ? ConvertRequest.unpartitioned()
            : ConvertRequest.unpartitioned().partitionedBy(partitions);
    ConvertRequest asked = u.noStatistics ? request.withoutStatistics() : request;
    return DeltaStatements.update(
        context,
        sql,
        List.of(),
        dc ->
            DeltaTable.convertToDelta(ref.path().toString(), ref.schema().conf(), asked)
                .numConvertedFiles());
  }

  /** The table a utility works on: an existing table, named without a version. */
  private static TableRef latest(CalcitePrepare.Context context, SqlIdentifier id, String what) {
    String written = id.names.get(id.names.size() - 1);
    if (!VersionSpec.parse(written).isLatest()) {
      throw DeltaErrors.invalidArgument(
          what
              + " works on a table, not on a version of it: name "
              + VersionSpec.baseName(written)
              + " without a version.");
    }
    return TableRef.resolve(context, id).requireExists();
  }

  /** The name without its time-travel suffix ({@code "t@v3"} names {@code t}). */
  static SqlIdentifier base(SqlIdentifier id) {
    List<String> names = new ArrayList<>(id.names);
    names.set(names.size() - 1, VersionSpec.baseName(names.get(names.size() - 1)));
    return new SqlIdentifier(names, id.getParserPosition());
  }

  private static long limit(SqlNode n, TableRef ref) {
    long limit = ((SqlLiteral) n).getValueAs(Long.class);
    if (limit < 0) {
      throw DeltaErrors.invalidArgument(
          "DESCRIBE HISTORY " + ref.qualified() + " LIMIT takes 0 or more, not " + limit + ".");
    }
    return limit;
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
