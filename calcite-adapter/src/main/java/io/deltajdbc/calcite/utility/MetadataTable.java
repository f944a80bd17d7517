package io.deltajdbc.calcite.utility;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.calcite.internal.CalciteValues;
import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table of a Delta table's metadata, read from its log each time a statement scans it: {@code
 * "orders$history"} (DESCRIBE HISTORY's rows) and {@code "orders$detail"} (DESCRIBE DETAIL's), as
 * Trino's Delta connector names them. Its columns are an engine schema, so that clients see them
 * typed as the columns of Delta tables are (maps, structs, timestamps to the microsecond).
 */
public final class MetadataTable extends AbstractTable implements ScannableTable {
  private final String name;
  private final StructType schema;
  private final Supplier<List<Row>> rows;

  public MetadataTable(String name, StructType schema, Supplier<List<Row>> rows) {
    this.name = requireNonNull(name, "name");
    this.schema = requireNonNull(schema, "schema");
    this.rows = requireNonNull(rows, "rows");
  }

  /** The name it was looked up by, {@code orders$history}. */
  public String name() {
    return name;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return DeltaTypes.rowType(typeFactory, schema);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> out = new ArrayList<>();
    for (Row r : rows.get()) {
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = CalciteValues.toCalcite(r.get(i), schema.field(i).type());
      }
      out.add(values);
    }
    return Linq4j.asEnumerable(out);
  }
}
