package io.deltajdbc.calcite.time;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Timestamps inside arrays, maps and structs of a query's result, handed to JDBC as milliseconds.
 * Avatica reads the elements of a nested value with its own accessors, which take a timestamp's
 * number as milliseconds; a column of its own is read by the driver at its full precision.
 */
public final class NestedTimestamps {
  private NestedTimestamps() {}

  /** {@code signature}, its rows' nested timestamps in milliseconds; itself when it has none. */
  public static <T> CalciteSignature<T> inMillis(CalciteSignature<T> signature) {
    RelDataType rowType = signature.rowType;
    if (rowType == null
        || !rowType.isStruct()
        || rowType.getFieldList().stream().noneMatch(f -> nested(f.getType()))) {
      return signature;
    }
    List<RelDataType> columns = rowType.getFieldList().stream().map(f -> f.getType()).toList();
    Bindable<T> bindable =
        dataContext -> {
          Enumerable<T> rows = signature.enumerable(dataContext);
          return rows.select(row -> convertRow(row, columns));
        };
    return new CalciteSignature<>(
        signature.sql,
        signature.parameters,
        signature.internalParameters,
        rowType,
        signature.columns,
        signature.cursorFactory,
        signature.rootSchema,
        signature.getCollationList(),
        -1,
        bindable,
        signature.statementType);
  }

  @SuppressWarnings("unchecked")
  private static <T> T convertRow(T row, List<RelDataType> columns) {
    if (columns.size() == 1 && !(row instanceof Object[])) {
      return (T) convert(row, columns.get(0), false);
    }
    Object[] in = (Object[]) row;
    Object[] out = in.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = convert(in[i], columns.get(i), false);
    }
    return (T) out;
  }

  /** True for a type with a timestamp inside an array, map or struct. */
  private static boolean nested(RelDataType t) {
    return contains(t.getComponentType())
        || contains(t.getKeyType())
        || contains(t.getValueType())
        || t.isStruct() && t.getFieldList().stream().anyMatch(f -> contains(f.getType()));
  }

  private static boolean contains(RelDataType t) {
    return t != null && (t.getSqlTypeName() == SqlTypeName.TIMESTAMP || nested(t));
  }

  private static Object convert(Object v, RelDataType type, boolean inside) {
    if (v == null) {
      return null;
    }
    if (type.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
      return inside && v instanceof Long micros ? Math.floorDiv(micros, Micros.PER_MILLI) : v;
    }
    if (type.getComponentType() != null && v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(x -> out.add(convert(x, type.getComponentType(), true)));
      return out;
    }
    if (type.getKeyType() != null && v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, x) ->
              out.put(convert(k, type.getKeyType(), true), convert(x, type.getValueType(), true)));
      return out;
    }
    if (type.isStruct() && v instanceof Object[] fields) {
      Object[] out = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        out[i] = convert(fields[i], type.getFieldList().get(i).getType(), true);
      }
      return out;
    }
    if (type.isStruct() && v instanceof List<?> fields) {
      List<Object> out = new ArrayList<>(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        out.add(convert(fields.get(i), type.getFieldList().get(i).getType(), true));
      }
      return out;
    }
    return v;
  }
}
