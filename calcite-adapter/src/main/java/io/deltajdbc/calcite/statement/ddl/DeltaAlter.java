package io.deltajdbc.calcite.statement.ddl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltajdbc.calcite.sql.ast.PropertyLists;
import io.deltajdbc.calcite.sql.ast.SqlAlterDeltaTable;
import io.deltajdbc.calcite.sql.ast.SqlDeltaColumn;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.SchemaJson;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/**
 * ALTER TABLE: one commit of new metadata (and the protocol it needs), recorded with Delta's
 * operation names ({@code ADD COLUMNS}, {@code SET TBLPROPERTIES}, {@code UNSET TBLPROPERTIES},
 * {@code ADD CONSTRAINT}, {@code DROP CONSTRAINT}). A CHECK constraint is stored as a {@code
 * delta.constraints.<name>} property holding Spark SQL, as Delta does.
 */
public final class DeltaAlter {
  private static final String CONSTRAINT_PREFIX = "delta.constraints.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeltaAlter() {}

  /** The Spark SQL text of a CHECK constraint's expression, as stored in the table's properties. */
  public static String constraintText(SqlAlterDeltaTable alter) {
    return SparkSqlText.of(alter.check, List.of(), false);
  }

  public static long execute(SqlAlterDeltaTable alter, TableRef ref) {
    ref.requireExists();
    Transaction txn = ref.table().startTransaction();
    String table = ref.qualified();
    Map<String, String> params = new LinkedHashMap<>();
    OperationName operation;
    switch (alter.action) {
      case ADD_COLUMNS -> {
        List<StructField> columns = new ArrayList<>();
        for (SqlNode c : alter.list) {
          columns.add(((SqlDeltaColumn) c).toField());
        }
        txn.addColumns(columns);
        List<Map<String, Object>> added = new ArrayList<>();
        for (JsonNode field : SchemaJson.toNode(new StructType(columns)).get("fields")) {
          added.add(Map.of("column", field));
        }
        params.put("columns", json(added));
        operation = OperationName.ADD_COLUMNS;
      }
      case SET_PROPERTIES -> {
        Map<String, String> set = PropertyLists.toMap(alter.list);
        ConstraintExpressions.checkProperties(
            table, set); // a hostile text is named as such, whatever its key's case
        set.keySet().stream()
            .filter(k -> k.startsWith(CONSTRAINT_PREFIX))
            .findFirst()
            .ifPresent(
                k -> {
                  throw DeltaErrors.invalidArgument(
                      "Add CHECK constraints with ALTER TABLE "
                          + table
                          + " ADD CONSTRAINT name CHECK (expression), not as the property "
                          + k
                          + ".");
                });
        txn.changeProperties(set, List.of(), false);
        params.put("properties", json(set));
        operation = OperationName.SET_TBLPROPERTIES;
      }
      case UNSET_PROPERTIES -> {
        List<String> keys = PropertyLists.keys(alter.list);
        txn.changeProperties(Map.of(), keys, alter.ifExists);
        params.put("properties", json(keys));
        params.put("ifExists", Boolean.toString(alter.ifExists));
        operation = OperationName.UNSET_TBLPROPERTIES;
      }
      case ADD_CONSTRAINT -> {
        String key =
            CONSTRAINT_PREFIX + alter.constraint.getSimple().toLowerCase(java.util.Locale.ROOT);
        if (txn.readSnapshot().properties().containsKey(key)) {
          throw DeltaErrors.invalidArgument(
              "Table "
                  + table
                  + " already has a constraint "
                  + alter.constraint
                  + "; drop it first.");
        }
        ConstraintExpressions.checkExpression(table, alter.constraint.getSimple(), alter.check);
        String expr = constraintText(alter);
        txn.changeProperties(Map.of(key, expr), List.of(), false);
        params.put("name", alter.constraint.getSimple());
        params.put("expr", expr);
        operation = OperationName.ADD_CONSTRAINT;
      }
      case DROP_CONSTRAINT -> {
        String key =
            CONSTRAINT_PREFIX + alter.constraint.getSimple().toLowerCase(java.util.Locale.ROOT);
        String existing = txn.readSnapshot().properties().get(key);
        if (existing == null && !alter.ifExists) {
          throw DeltaErrors.invalidArgument(
              "Table " + table + " has no constraint " + alter.constraint + ".");
        }
        txn.changeProperties(Map.of(), List.of(key), true);
        params.put("name", alter.constraint.getSimple());
        if (existing != null) {
          params.put("expr", existing);
        }
        params.put("existed", Boolean.toString(existing != null));
        operation = OperationName.DROP_CONSTRAINT;
      }
      default -> throw new IllegalStateException(alter.action.toString());
    }
    txn.commit(Operation.of(operation, params));
    return 0;
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
