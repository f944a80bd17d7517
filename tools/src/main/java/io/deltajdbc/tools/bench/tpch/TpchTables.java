package io.deltajdbc.tools.bench.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The eight TPC-H tables at a scale factor, from dbgen's rules as the {@code io.trino.tpch}
 * generator implements them, written by delta-spark as Delta tables {@code <dir>/<table>}: keys
 * {@code BIGINT}, money and quantities {@code DECIMAL(15,2)} (the generator's exact cents), dates
 * {@code DATE}, text {@code STRING}. Each table is generated in parts on Spark's executors, one
 * file per part, so the larger tables have several files.
 */
public final class TpchTables {
  /** Rows per part (and so per file) of the generated tables. */
  private static final long ROWS_PER_PART = 1_500_000;

  private static final DataType MONEY = DataTypes.createDecimalType(15, 2);

  private TpchTables() {}

  /** Writes every table at {@code scaleFactor} under {@code dir}. */
  public static void write(SparkSession spark, Path dir, double scaleFactor) {
    for (TpchTable<?> table : TpchTable.getTables()) {
      int parts = parts(table, scaleFactor);
      Path path = dir.resolve(table.getTableName());
      // a session with Spark's Java 8 datetime API (as the engine's DML backend sets it) takes
      // LocalDate
      boolean java8Dates =
          Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
      spark
          .range(0, parts, 1, parts)
          .flatMap(
              new Generate(table.getTableName(), scaleFactor, parts, java8Dates),
              Encoders.row(schema(table)))
          .write()
          .format("delta")
          .save(path.toString());
    }
  }

  /** The Spark schema of {@code table}. */
  public static StructType schema(TpchTable<?> table) {
    List<StructField> fields = new ArrayList<>();
    for (TpchColumn<?> c : table.getColumns()) {
      DataType type =
          switch (c.getType().getBase()) {
            case INTEGER -> DataTypes.IntegerType;
            case IDENTIFIER -> DataTypes.LongType;
            case DATE -> DataTypes.DateType;
            case DOUBLE -> MONEY;
            case VARCHAR -> DataTypes.StringType;
          };
      fields.add(DataTypes.createStructField(c.getColumnName(), type, false));
    }
    return DataTypes.createStructType(fields);
  }

  private static int parts(TpchTable<?> table, double scaleFactor) {
    double rowsAtOne =
        switch (table.getTableName()) {
          case "lineitem" -> 6_000_000;
          case "orders" -> 1_500_000;
          case "partsupp" -> 800_000;
          default -> 0;
        };
    return (int) Math.max(1, Math.ceil(rowsAtOne * scaleFactor / ROWS_PER_PART));
  }

  /** The rows of one part of a table, generated where Spark runs the task. */
  private record Generate(String table, double scaleFactor, int parts, boolean java8Dates)
      implements FlatMapFunction<Long, Row> {
    @Override
    public Iterator<Row> call(Long part) {
      return rows(TpchTable.getTable(table), part.intValue() + 1);
    }

    private <E extends TpchEntity> Iterator<Row> rows(TpchTable<E> t, int part) {
      Iterator<E> entities = t.createGenerator(scaleFactor, part, parts).iterator();
      List<TpchColumn<E>> columns = t.getColumns();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return entities.hasNext();
        }

        @Override
        public Row next() {
          E e = entities.next();
          Object[] values = new Object[columns.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = value(columns.get(i), e);
          }
          return RowFactory.create(values);
        }
      };
    }

    private <E extends TpchEntity> Object value(TpchColumn<E> c, E e) {
      return switch (c.getType().getBase()) {
        case INTEGER -> c.getInteger(e);
        case IDENTIFIER -> c.getIdentifier(e);
        case DATE -> {
          LocalDate day = LocalDate.ofEpochDay(c.getDate(e));
          yield java8Dates ? day : java.sql.Date.valueOf(day);
        }
        // the generator keeps money as exact cents: getIdentifier gives them unscaled
        case DOUBLE -> BigDecimal.valueOf(c.getIdentifier(e), 2);
        case VARCHAR -> c.getString(e);
      };
    }
  }
}
