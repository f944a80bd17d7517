package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.DeltaCalciteTable;
import java.util.List;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;

/** Tables in {@code DatabaseMetaData.getTables} with the Delta table's description as REMARKS. */
final class DeltaMetaTableFactory implements CalciteMetaTableFactory {
  static final DeltaMetaTableFactory INSTANCE = new DeltaMetaTableFactory();

  /** A table row of getTables; {@code remarks} is read lazily from the table's metadata. */
  public static final class DeltaMetaTable extends CalciteMetaImpl.CalciteMetaTable {
    public final String remarks;

    /**
     * The table itself, for its columns; not a column of getTables (only the names listed below
     * are).
     */
    final Table table;

    DeltaMetaTable(Table table, String cat, String schem, String name, String remarks) {
      super(table, cat, schem, name);
      this.remarks = remarks;
      this.table = table;
    }
  }

  @Override
  public MetaImpl.MetaTable createTable(Table table, String catalog, String schema, String name) {
    String remarks = null;
    if (table instanceof DeltaCalciteTable t) {
      try {
        remarks = t.description();
      } catch (RuntimeException e) {
        remarks = "unreadable: " + e.getMessage();
      }
    }
    return new DeltaMetaTable(table, catalog, schema, name, remarks);
  }

  @Override
  public List<String> getColumnNames() {
    return List.of(
        "TABLE_CAT",
        "TABLE_SCHEM",
        "TABLE_NAME",
        "TABLE_TYPE",
        "REMARKS",
        "TYPE_CAT",
        "TYPE_SCHEM",
        "TYPE_NAME",
        "SELF_REFERENCING_COL_NAME",
        "REF_GENERATION");
  }

  @Override
  public Class<? extends MetaImpl.MetaTable> getMetaTableClass() {
    return DeltaMetaTable.class;
  }
}
