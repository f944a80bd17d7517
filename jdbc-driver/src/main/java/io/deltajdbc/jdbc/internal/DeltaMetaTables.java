package io.deltajdbc.jdbc.internal;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.DeltaMeta;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Calcite's metadata implementation, with Delta table descriptions as table remarks, columns
 * described as {@link ColumnType} says, and one commit per batch.
 */
public final class DeltaMetaTables {
  private DeltaMetaTables() {}

  public static Meta meta(CalciteConnection connection) {
    return DeltaMeta.create(connection, DeltaMetaTableFactory.INSTANCE, DeltaMetaColumnFactory.INSTANCE);
  }

  /** The getColumns rows of a table that getTables listed. */
  public static Enumerable<MetaImpl.MetaColumn> columns(MetaImpl.MetaTable table, JavaTypeFactory typeFactory) {
    DeltaMetaTableFactory.DeltaMetaTable t = (DeltaMetaTableFactory.DeltaMetaTable) table;
    return Linq4j.asEnumerable(t.table.getRowType(typeFactory).getFieldList())
        .select(f -> DeltaMetaColumnFactory.INSTANCE.column(t.table, t, f));
  }
}
