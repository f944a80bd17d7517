package io.deltajdbc.calcite.internal;

import io.deltajdbc.engine.DeltaErrors;
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
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Delta types as SQL types: long BIGINT, integer INTEGER, short SMALLINT, byte TINYINT, float REAL,
 * double DOUBLE, decimal(p,s) DECIMAL(p,s), string VARCHAR, binary VARBINARY, date DATE, timestamp
 * and timestamp_ntz TIMESTAMP(6) (an instant shown in UTC, a local date-time), arrays ARRAY, maps
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
      return f.createArrayType(
          f.createTypeWithNullability(type(f, a.elementType()), a.containsNull()), -1);
    }
    if (t instanceof MapType m) {
      return f.createMapType(
          type(f, m.keyType()),
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
      case TIMESTAMP, TIMESTAMP_NTZ -> f.createSqlType(SqlTypeName.TIMESTAMP, 6);
      case VOID -> f.createSqlType(SqlTypeName.VARCHAR);
    };
  }

  /**
   * The Delta schema for rows of a SQL row type (CREATE TABLE ... AS SELECT): the inverse of {@link
   * #rowType}. CHAR and VARCHAR become string, TIMESTAMP an instant (timestamp), and TIMESTAMP WITH
   * LOCAL TIME ZONE likewise.
   */
  public static StructType schemaOf(RelDataType rowType) {
    List<StructField> fields = new ArrayList<>();
    for (RelDataTypeField f : rowType.getFieldList()) {
      fields.add(
          new StructField(
              f.getName(), fromSql(f.getType(), f.getName()), f.getType().isNullable()));
    }
    return new StructType(fields);
  }

  /**
   * The Delta type of a SQL type; a type with no Delta counterpart is refused, naming the column.
   */
  public static DataType fromSql(RelDataType t, String column) {
    return switch (t.getSqlTypeName()) {
      case BIGINT -> PrimitiveType.LONG;
      case INTEGER -> PrimitiveType.INTEGER;
      case SMALLINT -> PrimitiveType.SHORT;
      case TINYINT -> PrimitiveType.BYTE;
      case REAL, FLOAT -> PrimitiveType.FLOAT;
      case DOUBLE -> PrimitiveType.DOUBLE;
      case DECIMAL ->
          new DecimalType(
              Math.min(t.getPrecision(), DecimalType.MAX_PRECISION), Math.max(t.getScale(), 0));
      case BOOLEAN -> PrimitiveType.BOOLEAN;
      case CHAR, VARCHAR -> PrimitiveType.STRING;
      case BINARY, VARBINARY -> PrimitiveType.BINARY;
      case DATE -> PrimitiveType.DATE;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> PrimitiveType.TIMESTAMP;
      case NULL -> PrimitiveType.STRING;
      case ARRAY ->
          new ArrayType(fromSql(t.getComponentType(), column), t.getComponentType().isNullable());
      case MAP ->
          new MapType(
              fromSql(t.getKeyType(), column),
              fromSql(t.getValueType(), column),
              t.getValueType().isNullable());
      case ROW -> schemaOf(t);
      default ->
          throw DeltaErrors.invalidArgument(
              "Column "
                  + column
                  + " has type "
                  + t.getFullTypeString()
                  + ", which a Delta table cannot store; CAST it to a supported type.");
    };
  }
}
