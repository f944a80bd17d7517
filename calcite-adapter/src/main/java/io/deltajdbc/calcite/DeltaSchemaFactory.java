package io.deltajdbc.calcite;

import io.deltajdbc.calcite.changes.TableChangesMacro;
import io.deltajdbc.calcite.functions.SparkFunctions;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.storage.Locations;
import java.io.IOException;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The adapter's entry point for Calcite models, as every Calcite adapter has one:
 *
 * <pre>{@code
 * {"version": "1.0", "defaultSchema": "default", "schemas": [{"type": "custom",
 *   "name": "default", "cache": false, "factory": "io.deltajdbc.calcite.DeltaSchemaFactory",
 *   "operand": {"warehouse": "/data/warehouse"}}]}
 * }</pre>
 *
 * The schema holds the Delta tables of the warehouse folder; each sub-folder holding tables becomes
 * a schema of its own beside it ({@code folder.table}), and Spark's functions and {@code
 * table_changes} are added to the root schema. The other operands ({@code fs.*}, {@code hadoop.*})
 * are storage settings. Connect with the properties of {@link DeltaConnectionProperties} for Delta
 * SQL's semantics.
 */
public final class DeltaSchemaFactory implements SchemaFactory {
  /** The one instance, as Calcite models instantiate it. */
  public static final DeltaSchemaFactory INSTANCE = new DeltaSchemaFactory();

  public DeltaSchemaFactory() {}

  @Override
  public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
    Object location = operand.get("warehouse");
    if (!(location instanceof String)) {
      throw DeltaErrors.invalidArgument(
          "Schema " + name + " needs the operand \"warehouse\": the folder of its Delta tables.");
    }
    Configuration conf = DeltaTable.defaultConfiguration();
    operand.forEach(
        (k, v) -> {
          if (k.startsWith("fs.") || k.startsWith("hadoop.")) {
            conf.set(k, String.valueOf(v));
          }
        });
    Path root;
    try {
      root = Locations.qualify((String) location, conf);
      if (!root.getFileSystem(conf).getFileStatus(root).isDirectory()) {
        throw DeltaErrors.invalidArgument("The warehouse " + root + " is not a directory.");
      }
    } catch (IOException e) {
      throw DeltaErrors.invalidArgument(
          "The warehouse " + location + " cannot be read: " + e.getMessage());
    }
    DeltaWarehouseSchema warehouse = new DeltaWarehouseSchema(root, conf);
    addFolders(parentSchema, name, warehouse);
    return warehouse;
  }

  /**
   * Adds the warehouse as schema {@code name} of {@code root}, and beside it a schema for each of
   * its folders that holds tables, and Spark's functions.
   */
  public static void register(SchemaPlus root, String name, DeltaWarehouseSchema warehouse) {
    root.add(name, warehouse);
    addFolders(root, name, warehouse);
  }

  private static void addFolders(SchemaPlus root, String name, DeltaWarehouseSchema warehouse) {
    for (String folder : warehouse.schemaFolders()) {
      if (!folder.equalsIgnoreCase(name)) {
        SchemaPlus schema = root.add(folder, warehouse.folder(folder));
        if (schema.isCacheEnabled()) { // a caching root (Calcite's own) makes its schemas caching
          schema.setCacheEnabled(false);
        }
      }
    }
    SparkFunctions.register(root);
    TableChangesMacro.register(root);
  }
}
