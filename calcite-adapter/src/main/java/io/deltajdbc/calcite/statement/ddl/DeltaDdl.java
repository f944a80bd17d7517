package io.deltajdbc.calcite.statement.ddl;

import io.deltajdbc.calcite.StatementWarnings;
import io.deltajdbc.calcite.internal.CalciteRows;
import io.deltajdbc.calcite.sql.ast.PropertyLists;
import io.deltajdbc.calcite.sql.ast.SqlCreateDeltaTable;
import io.deltajdbc.calcite.sql.ast.SqlDeltaColumn;
import io.deltajdbc.calcite.sql.ast.SqlDropDeltaTable;
import io.deltajdbc.calcite.sql.ast.SqlTruncateDeltaTable;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.warehouse.DropResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.calcite.sql.SqlNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes CREATE [OR REPLACE] TABLE, DROP TABLE and TRUNCATE TABLE against the warehouse. CREATE
 * TABLE writes version 0 of a new table (with the rows of its query for CREATE TABLE AS); CREATE OR
 * REPLACE TABLE replaces an existing table's files and metadata in one commit; TRUNCATE removes
 * every file in one commit; DROP TABLE deletes what the table owns, log first.
 */
public final class DeltaDdl {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaDdl.class);

  private DeltaDdl() {}

  /**
   * The schema, partitioning, description and properties of a CREATE TABLE with columns or a
   * query's schema.
   */
  public static TableSpec spec(SqlCreateDeltaTable create, StructType querySchema, TableRef ref) {
    if (create.format != null && !create.format.getSimple().equalsIgnoreCase("DELTA")) {
      throw DeltaErrors.invalidArgument(
          "CREATE TABLE "
              + ref.qualified()
              + " USING "
              + create.format
              + ": this driver creates Delta tables only (USING DELTA, or no USING clause).");
    }
    if (create.location != null) {
      throw DeltaErrors.invalidArgument(
          "CREATE TABLE "
              + ref.qualified()
              + " with LOCATION: a table's location is "
              + "its folder in the warehouse ("
              + ref.path()
              + "); leave LOCATION out.");
    }
    if (create.getReplace() && create.ifNotExists) {
      throw DeltaErrors.invalidArgument(
          "CREATE OR REPLACE TABLE "
              + ref.qualified()
              + " IF NOT EXISTS: give OR REPLACE or IF NOT EXISTS, not both.");
    }
    StructType schema;
    if (create.columns != null && querySchema != null) {
      throw DeltaErrors.invalidArgument(
          "CREATE TABLE "
              + ref.qualified()
              + " AS a query takes its columns from "
              + "the query; leave the column list out.");
    } else if (create.columns != null) {
      List<StructField> fields = new ArrayList<>();
      for (SqlNode c : create.columns) {
        fields.add(((SqlDeltaColumn) c).toField());
      }
      schema = new StructType(fields);
    } else if (querySchema != null) {
      schema = querySchema;
    } else {
      throw DeltaErrors.invalidArgument(
          "CREATE TABLE " + ref.qualified() + " needs columns or AS a query.");
    }
    List<String> partitions = new ArrayList<>();
    if (create.partitionedBy != null) {
      for (SqlNode p : create.partitionedBy) {
        String name = p.toString();
        StructField f =
            schema.fields().stream()
                .filter(x -> x.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(
                    () -> DeltaErrors.columnNotFound(ref.qualified(), name, schema.fieldNames()));
        partitions.add(f.name());
      }
    }
    String description = create.comment == null ? null : PropertyLists.key(create.comment);
    Map<String, String> properties = PropertyLists.toMap(create.properties);
    ConstraintExpressions.checkProperties(ref.qualified(), properties);
    return new TableSpec(schema, partitions, null, description, properties);
  }

  /**
   * CREATE TABLE: version 0 with the given rows (none for a column list); CREATE OR REPLACE TABLE:
   * the same for a new table, one commit replacing files and metadata of an existing one. Returns
   * the row count.
   */
  public static long create(
      SqlCreateDeltaTable create, TableRef ref, TableSpec spec, Iterator<Row> rows) {
    if (create.getReplace()) {
      return createOrReplace(ref, spec, rows);
    }
    OptionalLong version = ref.exists() ? latestVersion(ref) : OptionalLong.empty();
    if (version.isPresent()) {
      if (create.ifNotExists) {
        return 0;
      }
      throw DeltaErrors.tableAlreadyExists(ref.qualified(), version.getAsLong());
    }
    ref.schema().warehouse().requireFreeForCreate(ref.qualified(), ref.path());
    CalciteRows.Counted<Row> counted =
        rows == null ? null : new CalciteRows.Counted<>(rows, r -> (Row) r);
    ref.schema().forget(ref.name());
    DeltaTable.create(ref.path().toString(), ref.schema().conf(), spec, counted);
    return counted == null ? 0 : counted.count();
  }

  private static long createOrReplace(TableRef ref, TableSpec spec, Iterator<Row> rows) {
    boolean replacing = ref.exists() && latestVersion(ref).isPresent();
    if (replacing) {
      ref.requireNotAppendOnly(ref.table().latestSnapshot());
    } else {
      ref.schema().warehouse().requireFreeForCreate(ref.qualified(), ref.path());
    }
    CalciteRows.Counted<Row> counted =
        rows == null ? null : new CalciteRows.Counted<>(rows, r -> (Row) r);
    try {
      DeltaTable.createOrReplace(ref.path().toString(), ref.schema().conf(), spec, counted);
    } finally {
      ref.schema().forget(ref.name());
    }
    return counted == null ? 0 : counted.count();
  }

  /**
   * The latest version of an existing table, or empty when its {@code _delta_log} holds no commit
   * yet.
   */
  private static OptionalLong latestVersion(TableRef ref) {
    try {
      return OptionalLong.of(ref.table().latestInfo().version());
    } catch (DeltaException e) {
      if (e.code() == ErrorCode.TABLE_NOT_FOUND) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  /**
   * DROP TABLE: the engine deletes what the table owns (log, the files its log names, change data,
   * directories left empty) and nothing else; what it left is logged and reported to the JDBC user
   * as a warning on the statement ({@link StatementWarnings}). The name is free again.
   */
  public static long drop(SqlDropDeltaTable drop, TableRef ref) {
    if (!ref.exists()) {
      if (drop.ifExists) {
        return 0;
      }
      ref.requireExists();
    }
    DropResult result;
    try {
      result = ref.table().drop();
    } finally {
      ref.schema().forget(ref.name());
    }
    if (result.leftCount() > 0) {
      String message = result.leftMessage(ref.qualified());
      LOG.warn(message);
      StatementWarnings.add(message);
    }
    return 0;
  }

  /**
   * TRUNCATE TABLE: one commit removing every file (the files stay for time travel until VACUUM).
   */
  public static long truncate(SqlTruncateDeltaTable truncate, TableRef ref) {
    ref.requireExists();
    Transaction txn = ref.table().startTransaction();
    Snapshot s = txn.readSnapshot();
    ref.requireNotAppendOnly(s);
    txn.readWholeTable();
    txn.remove(s.files());
    // every file removed: change data readers infer the deletes, as of delta-spark's whole-file
    // DELETE
    txn.changeDataFromFileActions();
    Map<String, String> params = new LinkedHashMap<>();
    txn.commit(Operation.of(OperationName.TRUNCATE, params));
    return 0;
  }
}
