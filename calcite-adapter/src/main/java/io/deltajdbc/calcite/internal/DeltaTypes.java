package io.deltajdbc.calcite.internal;

import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Delta types as SQL types: long BIGINT, integer INTEGER, short SMALLINT, byte TINYINT, float REAL,
 * double DOUBLE, decimal(p,s) DECIMAL(p,s), string VARCHAR, binary VARBINARY, date DATE, timestamp
 * and timestamp_ntz TIMESTAMP(3) (an instant shown in UTC, a local date-time), arrays ARRAY, maps
 * MAP, structs ROW, variant VARCHAR (its JSON form).
 */
public final class DeltaTypes {
  private DeltaTypes() {}

  public static RelDataType rowType(RelDataTypeFactory f, StructType schema) {
    List<String> names = new ArrayList<>();
    List<RelDataType> types = new ArrayList<>();
    for (StructField field : schema.fields()) {
      names.add(field.name());
      types.add(f.createTypeWithNullability(type(f, field.type()), field.nullable()));
    }
    return f.createStructType(types, names);
  }

  public static RelDataType type(RelDataTypeFactory f, DataType t) {
    if (t instanceof DecimalType d) {
      return f.createSqlType(SqlTypeName.DECIMAL, d.precision(), d.scale());
    }
    if (t instanceof ArrayType a) {
      return f.createArrayType(f.createTypeWithNullability(type(f, a.elementType()), a.containsNull()), -1);
    }
    if (t instanceof MapType m) {
      return f.createMapType(type(f, m.keyType()),
          f.createTypeWithNullability(type(f, m.valueType()), m.valueContainsNull()));
    }
    if (t instanceof StructType s) {
      return rowType(f, s);
    }
    return switch ((PrimitiveType) t) {
      case LONG -> f.createSqlType(SqlTypeName.BIGINT);
      case INTEGER -> f.createSqlType(SqlTypeName.INTEGER);
      case SHORT -> f.createSqlType(SqlTypeName.SMALLINT);
      case BYTE -> f.createSqlType(SqlTypeName.TINYINT);
      case FLOAT -> f.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
      case STRING, VARIANT -> f.createSqlType(SqlTypeName.VARCHAR);
      case BINARY -> f.createSqlType(SqlTypeName.VARBINARY);
      case DATE -> f.createSqlType(SqlTypeName.DATE);
      case TIMESTAMP, TIMESTAMP_NTZ -> f.createSqlType(SqlTypeName.TIMESTAMP, 3);
      case VOID -> f.createSqlType(SqlTypeName.VARCHAR);
    };
  }
}
