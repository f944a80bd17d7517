package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicate.Op;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A scan's predicate as a parquet-hadoop filter, so that the reader skips row groups by their
 * statistics and dictionaries, pages by the column index, and records before assembling them. The
 * filter is a relaxation: every row the predicate accepts passes it (the scan evaluates the
 * predicate itself afterwards), so a leaf it cannot state exactly is left out of a conjunction, and
 * a disjunction with such a leaf is left out whole. Stated: comparisons of top-level long, integer,
 * date and decimal (stored as INT32/INT64) columns with literals, equality of strings and booleans,
 * IN lists, IS [NOT] NULL. Not stated: floating point (NaN in statistics), string ranges (Parquet
 * orders bytes, SQL orders UTF-16), timestamps, nested and partition columns.
 */
public final class ParquetFilters {
  private static final int MAX_IN = 64;

  private ParquetFilters() {}

  /** A column as stored in the file: its physical name and its type in the table's schema. */
  public record FileColumn(String physicalName, DataType type) {}

  /**
   * The filter of {@code p}, or null when nothing of it can be stated. {@code resolve} gives the
   * stored column of a column of the predicate, or null for a partition or unknown column.
   */
  public static FilterPredicate of(Predicate p, Function<Column, FileColumn> resolve) {
    return translate(p, resolve);
  }

  /**
   * True when every column the filter names is in {@code file} with that exact path and a primitive
   * type: a column parquet-hadoop does not find reads as all nulls, which an equality would skip
   * entirely (files matched to the schema case-insensitively, for example). A column stored as
   * another type than the filter's is refused by parquet-hadoop when the reader opens.
   */
  public static boolean appliesTo(FilterPredicate filter, MessageType file) {
    return columns(filter).stream()
        .allMatch(
            c -> {
              if (!file.containsPath(c.toArray())) {
                return false;
              }
              Type t = file.getType(c.toArray());
              return t.isPrimitive();
            });
  }

  private static Set<ColumnPath> columns(FilterPredicate f) {
    Set<ColumnPath> out = new HashSet<>();
    collect(f, out);
    return out;
  }

  private static void collect(FilterPredicate f, Set<ColumnPath> out) {
    if (f instanceof Operators.And a) {
      collect(a.getLeft(), out);
      collect(a.getRight(), out);
    } else if (f instanceof Operators.Or o) {
      collect(o.getLeft(), out);
      collect(o.getRight(), out);
    } else if (f instanceof Operators.Eq<?> c) {
      out.add(c.getColumn().getColumnPath());
    } else if (f instanceof Operators.NotEq<?> c) {
      out.add(c.getColumn().getColumnPath());
    } else if (f instanceof Operators.Lt<?> c) {
      out.add(c.getColumn().getColumnPath());
    } else if (f instanceof Operators.LtEq<?> c) {
      out.add(c.getColumn().getColumnPath());
    } else if (f instanceof Operators.Gt<?> c) {
      out.add(c.getColumn().getColumnPath());
    } else if (f instanceof Operators.GtEq<?> c) {
      out.add(c.getColumn().getColumnPath());
    } else {
      throw new IllegalArgumentException("Not a filter this class builds: " + f);
    }
  }

  private static FilterPredicate translate(Predicate p, Function<Column, FileColumn> resolve) {
    if (p instanceof Predicate.And a) {
      FilterPredicate l = translate(a.left(), resolve);
      FilterPredicate r = translate(a.right(), resolve);
      return l == null ? r : r == null ? l : FilterApi.and(l, r);
    }
    if (p instanceof Predicate.Or o) {
      FilterPredicate l = translate(o.left(), resolve);
      FilterPredicate r = translate(o.right(), resolve);
      return l == null || r == null ? null : FilterApi.or(l, r);
    }
    if (p instanceof Predicate.IsNull n && n.value() instanceof Column c) {
      FileColumn f = column(c, resolve);
      return f == null ? null : nullTest(f, n.negated());
    }
    if (p instanceof Predicate.Comparison c) {
      return comparison(c, resolve);
    }
    if (p instanceof Predicate.In in
        && in.value() instanceof Column c
        && in.values().size() <= MAX_IN) {
      FilterPredicate out = null;
      for (Literal l : in.values()) {
        if (l.value() == null) {
          continue; // x IN (.., NULL) is never true through the NULL
        }
        FilterPredicate eq = leaf(column(c, resolve), Op.EQ, l.value());
        if (eq == null) {
          return null;
        }
        out = out == null ? eq : FilterApi.or(out, eq);
      }
      return out;
    }
    return null;
  }

  private static FilterPredicate comparison(
      Predicate.Comparison comparison, Function<Column, FileColumn> resolve) {
    Predicate.Comparison c = comparison.columnFirst();
    Op op = c.op();
    if (!(c.left() instanceof Column col) || !(c.right() instanceof Literal lit)) {
      return null;
    }
    FileColumn f = column(col, resolve);
    if (f == null) {
      return null;
    }
    if (lit.value() == null) {
      return op == Op.NULL_SAFE_EQ ? nullTest(f, false) : null;
    }
    return leaf(f, op == Op.NULL_SAFE_EQ ? Op.EQ : op, lit.value());
  }

  private static FileColumn column(Column c, Function<Column, FileColumn> resolve) {
    if (c.path().size() != 1) {
      return null;
    }
    FileColumn f = resolve.apply(c);
    return f == null || f.physicalName().contains(".") ? null : f;
  }

  private static FilterPredicate nullTest(FileColumn f, boolean negated) {
    DataType t = f.type();
    String n = f.physicalName();
    if (t == PrimitiveType.LONG || isLongDecimal(t)) {
      Operators.LongColumn c = FilterApi.longColumn(n);
      return negated ? FilterApi.notEq(c, null) : FilterApi.eq(c, null);
    }
    if (isIntStored(t)) {
      Operators.IntColumn c = FilterApi.intColumn(n);
      return negated ? FilterApi.notEq(c, null) : FilterApi.eq(c, null);
    }
    if (t == PrimitiveType.STRING) {
      Operators.BinaryColumn c = FilterApi.binaryColumn(n);
      return negated ? FilterApi.notEq(c, null) : FilterApi.eq(c, null);
    }
    return null;
  }

  private static FilterPredicate leaf(FileColumn f, Op op, Object v) {
    if (f == null) {
      return null;
    }
    DataType t = f.type();
    String n = f.physicalName();
    if (t == PrimitiveType.STRING) {
      return v instanceof String s && op == Op.EQ
          ? FilterApi.eq(FilterApi.binaryColumn(n), Binary.fromString(s))
          : null;
    }
    if (t == PrimitiveType.BOOLEAN) {
      return v instanceof Boolean b && op == Op.EQ
          ? FilterApi.eq(FilterApi.booleanColumn(n), b)
          : null;
    }
    Long value = stored(t, v);
    if (value == null) {
      return null;
    }
    if (t == PrimitiveType.LONG || isLongDecimal(t)) {
      return compare(FilterApi.longColumn(n), op, value);
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      return null;
    }
    return compare(FilterApi.intColumn(n), op, (int) value.longValue());
  }

  private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt>
      FilterPredicate compare(C column, Op op, T value) {
    return switch (op) {
      case EQ, NULL_SAFE_EQ -> FilterApi.eq(column, value);
      case NE -> FilterApi.notEq(column, value);
      case LT -> FilterApi.lt(column, value);
      case LE -> FilterApi.ltEq(column, value);
      case GT -> FilterApi.gt(column, value);
      case GE -> FilterApi.gtEq(column, value);
    };
  }

  /**
   * The value as the file stores it (an unscaled decimal, an epoch day), or null when it has no
   * exact form.
   */
  private static Long stored(DataType t, Object v) {
    if (t instanceof DecimalType d) {
      if (!(v instanceof BigDecimal b)) {
        return null;
      }
      try {
        return b.setScale(d.scale()).unscaledValue().longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (t == PrimitiveType.DATE) {
      return v instanceof LocalDate d ? d.toEpochDay() : null;
    }
    if (t == PrimitiveType.LONG
        || t == PrimitiveType.INTEGER
        || t == PrimitiveType.SHORT
        || t == PrimitiveType.BYTE) {
      if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      try {
        // SQL literals arrive as decimals; 2.5 against an integer column has no exact form
        return v instanceof BigDecimal b ? b.longValueExact() : null;
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  private static boolean isIntStored(DataType t) {
    return t == PrimitiveType.INTEGER
        || t == PrimitiveType.SHORT
        || t == PrimitiveType.BYTE
        || t == PrimitiveType.DATE
        || t instanceof DecimalType d && d.precision() <= 9;
  }

  private static boolean isLongDecimal(DataType t) {
    return t instanceof DecimalType d && d.precision() > 9 && d.precision() <= 18;
  }
}
