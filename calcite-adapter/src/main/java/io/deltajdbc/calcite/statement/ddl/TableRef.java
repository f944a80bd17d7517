package io.deltajdbc.calcite.statement.ddl;

import io.deltajdbc.calcite.DeltaWarehouseSchema;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.warehouse.TableNames;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.hadoop.fs.Path;

/**
 * The table a DDL statement names: {@code t} in the connection's schema, or {@code schema.t}. A
 * table that does not exist yet is placed in its schema's folder under the name as written. Names
 * are names, never paths: both parts are checked by {@link TableNames} (42602), a new table's or
 * schema's name also by its creation rule, and the location must lie inside the warehouse (42501).
 */
public record TableRef(
    DeltaWarehouseSchema schema, String schemaName, String name, boolean exists) {

  /** Resolves a name, ignoring case as queries do. */
  public static TableRef resolve(CalcitePrepare.Context context, SqlIdentifier id) {
    return resolve(context, id, false);
  }

  /**
   * Resolves the name of a table to create: {@code schema.t} in a schema that does not exist yet
   * creates the schema too, as a folder of the warehouse (Spark's {@code CREATE TABLE db.t}).
   */
  public static TableRef forCreate(CalcitePrepare.Context context, SqlIdentifier id) {
    return resolve(context, id, true);
  }

  private static TableRef resolve(
      CalcitePrepare.Context context, SqlIdentifier id, boolean create) {
    List<String> names = id.names;
    if (names.size() > 2) {
      throw DeltaErrors.invalidArgument(
          "Table name " + id + " has too many parts: use table or schema.table.");
    }
    String schemaName = names.size() == 2 ? names.get(0) : context.getDefaultSchemaPath().get(0);
    TableNames.requirePlain("schema", schemaName);
    CalciteSchema root = context.getRootSchema();
    CalciteSchema sub = root.getSubSchema(schemaName, false);
    DeltaWarehouseSchema schema =
        sub == null ? null : sub.schema instanceof DeltaWarehouseSchema w ? w : null;
    if (schema == null && names.size() == 2) {
      // A folder that became a schema after the connection opened (CREATE TABLE db.t): the root a
      // statement sees is a snapshot, so it is found through the warehouse's own folders.
      CalciteSchema warehouse = root.getSubSchema(context.getDefaultSchemaPath().get(0), false);
      if (warehouse != null
          && warehouse.schema instanceof DeltaWarehouseSchema w
          && (create || w.schemaFolders().contains(schemaName))) {
        if (create) {
          TableNames.requireCreatable("schema", schemaName);
        }
        schema = w.folder(schemaName);
        sub = root.add(schemaName, schema);
      }
    }
    if (schema == null) {
      throw DeltaErrors.invalidArgument(
          "Schema "
              + schemaName
              + " does not exist in this warehouse; schemas are the "
              + "folders of the warehouse that hold tables, and "
              + context.getDefaultSchemaPath().get(0)
              + " is the warehouse itself.");
    }
    String table = names.get(names.size() - 1);
    Optional<String> existing = schema.existingTable(table);
    if (create && existing.isEmpty()) {
      TableNames.requireCreatable("table", table);
    }
    return new TableRef(schema, sub.name, existing.orElse(table), existing.isPresent());
  }

  public Path path() {
    return schema.location(name);
  }

  /** The engine's handle on the table, shared with the connection's queries. */
  public DeltaTable table() {
    return schema.engineTable(name);
  }

  /** The name for messages: {@code schema.table}. */
  public String qualified() {
    return schemaName + "." + name;
  }

  /** Fails with 42S02 unless the table exists. */
  public TableRef requireExists() {
    if (!exists) {
      throw DeltaErrors.tableNotFound(qualified());
    }
    return this;
  }

  /**
   * Fails when the table is append-only ({@code delta.appendOnly}): rows may be added, never
   * removed.
   */
  public void requireNotAppendOnly(Snapshot snapshot) {
    if ("true"
        .equalsIgnoreCase(snapshot.properties().getOrDefault("delta.appendOnly", "false").trim())) {
      throw DeltaErrors.appendOnly(qualified(), snapshot.version());
    }
  }
}
