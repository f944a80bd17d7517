package io.deltajdbc.calcite.changes;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.calcite.internal.CalciteValues;
import io.deltajdbc.calcite.internal.DeltaTypes;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.changes.ChangeRange;
import io.deltajdbc.engine.changes.TableChanges;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructType;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The rows of one {@code table_changes} call. Its columns are those of the checked range when the
 * statement was prepared; its rows are read from the engine each time the statement runs, with the
 * values converted as a table scan converts them ({@link CalciteValues}: timestamps to the
 * microsecond).
 */
public final class ChangesTable extends AbstractTable implements TranslatableTable {
  private final String name;
  private final DeltaTable table;
  private final ChangeRange range;
  private final StructType schema;

  ChangesTable(String name, DeltaTable table, ChangeRange range, StructType schema) {
    this.name = requireNonNull(name, "name");
    this.table = requireNonNull(table, "table");
    this.range = requireNonNull(range, "range");
    this.schema = requireNonNull(schema, "schema");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return DeltaTypes.rowType(typeFactory, schema);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    return new ChangesScan(
        cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), relOptTable, this);
  }

  /** The change rows as of now, each an {@code Object[]} in Calcite's representation. */
  public Enumerable<Object[]> rows() {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        TableChanges changes = table.changes(range);
        if (!changes.schema().equals(schema)) {
          throw DeltaErrors.invalidArgument(
              "The columns of "
                  + name
                  + " changed since the table_changes statement was prepared: prepare it again.");
        }
        return new RowEnumerator(changes.rows());
      }
    };
  }

  private final class RowEnumerator implements Enumerator<Object[]> {
    private final CloseableIterator<Row> rows;
    private Object[] current;

    RowEnumerator(CloseableIterator<Row> rows) {
      this.rows = rows;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (!rows.hasNext()) {
        return false;
      }
      Row r = rows.next();
      Object[] values = new Object[schema.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = CalciteValues.toCalcite(r.get(i), schema.field(i).type());
      }
      current = values;
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      rows.close();
    }
  }

  @Override
  public String toString() {
    return "ChangesTable[" + name + " " + range + "]";
  }
}
