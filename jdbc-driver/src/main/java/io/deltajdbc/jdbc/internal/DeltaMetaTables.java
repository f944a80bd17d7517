package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.engine.types.StructField;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.DeltaMeta;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Calcite's metadata implementation, with Delta table descriptions as table remarks, columns
 * described as {@link ColumnType} says (and their comments as remarks), and one commit per batch.
 */
public final class DeltaMetaTables {
  private DeltaMetaTables() {}

  public static Meta meta(CalciteConnection connection) {
    return DeltaMeta.create(connection, DeltaMetaTableFactory.INSTANCE, DeltaMetaColumnFactory.INSTANCE);
  }

  /** The getColumns rows of a table that getTables listed. */
  public static Enumerable<MetaImpl.MetaColumn> columns(MetaImpl.MetaTable table, JavaTypeFactory typeFactory) {
    DeltaMetaTableFactory.DeltaMetaTable t = (DeltaMetaTableFactory.DeltaMetaTable) table;
    Map<String, StructField> fields = new HashMap<>();
    if (t.table instanceof DeltaCalciteTable delta) {
      delta.schema().fields().forEach(f -> fields.put(f.name(), f));
    }
    return Linq4j.asEnumerable(t.table.getRowType(typeFactory).getFieldList())
        .select(f -> DeltaMetaColumnFactory.INSTANCE.column(t.table, t, f, fields.get(f.getName())));
  }
}
