package io.deltajdbc.calcite.statement;

import io.deltajdbc.calcite.VersionSpec;
import io.deltajdbc.calcite.sql.ast.SqlCreateDeltaTable;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.calcite.statement.show.ShowRows;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.utilities.CloneRequest;
import io.deltajdbc.engine.utilities.CloneResult;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;

/**
 * Delta's {@code CREATE [OR REPLACE] TABLE [IF NOT EXISTS] t SHALLOW CLONE s [VERSION AS OF n |
 * TIMESTAMP AS OF '...']}: the engine's shallow clone ({@link DeltaTable#shallowClone}) of a table
 * of the warehouse into another, answering with delta-spark's six result columns. The source must
 * exist, and the target must not unless OR REPLACE (then it must hold no file) or IF NOT EXISTS
 * (then nothing is done); both are checked when the statement is prepared, the clone is committed
 * when it is executed.
 */
final class CloneStatement {
  private static final List<String> COLUMNS =
      List.of(
          "source_table_size",
          "source_num_of_files",
          "num_removed_files",
          "num_copied_files",
          "removed_files_size",
          "copied_files_size");

  private CloneStatement() {}

  static <T> CalciteSignature<T> prepare(
      CalcitePrepare.Context context, SqlCreateDeltaTable create, String sql) {
    TableRef target = TableRef.forCreate(context, create.name);
    String what =
        (create.getReplace() ? "CREATE OR REPLACE TABLE " : "CREATE TABLE ")
            + target.qualified()
            + " SHALLOW CLONE";
    if (create.columns != null
        || create.query != null
        || create.partitionedBy != null
        || create.comment != null
        || create.properties != null
        || create.location != null
        || create.format != null) {
      throw DeltaErrors.invalidArgument(
          what
              + " takes its columns, partitioning and properties from the source table, and its"
              + " location from the warehouse: leave columns, AS, USING, PARTITIONED BY,"
              + " COMMENT, TBLPROPERTIES and LOCATION out.");
    }
    if (create.getReplace() && create.ifNotExists) {
      throw DeltaErrors.invalidArgument(what + ": give OR REPLACE or IF NOT EXISTS, not both.");
    }
    String written = create.clone.names.get(create.clone.names.size() - 1);
    VersionSpec version = VersionSpec.parse(written);
    TableRef source =
        TableRef.resolve(context, UtilityStatements.base(create.clone)).requireExists();
    CloneRequest request = CloneRequest.latest(source.qualified());
    if (version.version() != null) {
      request = request.atVersion(version.version());
    } else if (version.timestamp() != null) {
      request = request.atTimestamp(version.timestamp());
    }
    if (create.getReplace()) {
      request = request.orReplace();
    }
    Long existing = target.exists() ? latestVersion(target) : null;
    if (existing != null && !create.getReplace()) {
      if (create.ifNotExists) {
        return new ShowRows(COLUMNS, types(), List::of).signature(context, sql);
      }
      throw DeltaErrors.tableAlreadyExists(target.qualified(), existing);
    }
    CloneRequest asked = request;
    DeltaTable from = source.table();
    return new ShowRows(
            COLUMNS,
            types(),
            () -> {
              if (existing == null) {
                target.schema().warehouse().requireFreeForCreate(target.qualified(), target.path());
              }
              CloneResult r;
              try {
                r = from.shallowClone(target.path().toString(), target.schema().conf(), asked);
              } finally {
                target.schema().forget(target.name());
              }
              return Collections.singletonList(
                  new Object[] {
                    r.sourceTableSize(),
                    r.sourceNumOfFiles(),
                    r.numRemovedFiles(),
                    r.numCopiedFiles(),
                    r.removedFilesSize(),
                    r.copiedFilesSize()
                  });
            })
        .signature(context, sql);
  }

  private static List<Class<?>> types() {
    return Collections.nCopies(COLUMNS.size(), Long.class);
  }

  /** The latest version of an existing table, or null when its log holds no commit yet. */
  private static Long latestVersion(TableRef ref) {
    try {
      return ref.table().latestInfo().version();
    } catch (DeltaException e) {
      if (e.code() == ErrorCode.TABLE_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
