package io.deltajdbc.calcite;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The SQL type system of Delta tables as Spark types them, for a Calcite connection's {@code
 * typeSystem} property ({@code io.deltajdbc.calcite.DeltaTypeSystem#INSTANCE}; the JDBC driver's
 * connections use it). Delta's type limits: decimals of up to 38 digits. String literals of
 * different lengths in one VALUES list or UNION are VARCHAR, as in Spark: Calcite's default would
 * pad them to a common CHAR length, and {@code INSERT ... VALUES ('north'), ('east')} would store
 * {@code 'east '}. Sums and averages of decimals widen as Spark's do ({@code sum}: 10 more digits;
 * {@code avg}: 4 more decimals): Calcite's default keeps the argument's type, so the average of a
 * {@code DECIMAL(15,2)} column was cut to 2 decimals and a large sum could overflow. An average is
 * computed as Spark computes it (see {@code DecimalAverageRule}), not by Calcite's reduction, which
 * casts the sum to the average's type before dividing and fails on a sum of more digits. Decimals
 * are rounded half up when their scale shrinks, as Spark rounds (Calcite's default truncates: the
 * average of 1, 1 and 0 was 0.666666 where Spark says 0.666667).
 *
 * <p>{@code + - * / %} on decimals have Spark's result types ({@code DecimalPrecision}, with {@code
 * spark.sql.decimalOperations.allowPrecisionLoss}, Spark's default): an integer operand counts as
 * the decimal of its type's digits (INT 10, BIGINT 20), and a result of more than 38 digits keeps
 * its integer digits and gives up decimals down to 6 ({@code adjustPrecisionScale}). The results
 * are nullable, as Spark's are: a division by zero or a value beyond the type's precision is NULL
 * (Spark without ANSI mode). The values are computed by {@code
 * io.deltajdbc.calcite.internal.decimal}, exactly, then rounded half up to these scales.
 */
public final class DeltaTypeSystem extends RelDataTypeSystemImpl {
  public static final DeltaTypeSystem INSTANCE = new DeltaTypeSystem();

  @Override
  public int getMaxNumericPrecision() {
    return 38;
  }

  @Override
  public int getMaxNumericScale() {
    return 38;
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL
        ? 38
        : typeName == SqlTypeName.TIMESTAMP ? 6 : super.getMaxPrecision(typeName);
  }

  /**
   * Delta's timestamps are microseconds: TIMESTAMP is TIMESTAMP(6), as in Spark, unless a statement
   * says less.
   */
  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.TIMESTAMP ? 6 : super.getDefaultPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return super.deriveSumType(typeFactory, argumentType);
    }
    return decimal(
        typeFactory, argumentType, argumentType.getPrecision() + 10, argumentType.getScale());
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return super.deriveAvgAggType(typeFactory, argumentType);
    }
    return decimal(
        typeFactory, argumentType, argumentType.getPrecision() + 4, argumentType.getScale() + 4);
  }

  @Override
  public RelDataType deriveDecimalPlusType(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    if (!decimalOperands(type1, type2)) {
      return null;
    }
    int p1 = precision(type1), s1 = type1.getScale(), p2 = precision(type2), s2 = type2.getScale();
    int scale = Math.max(s1, s2);
    return adjusted(typeFactory, Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
  }

  @Override
  public RelDataType deriveDecimalMultiplyType(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    if (!decimalOperands(type1, type2)) {
      return null;
    }
    return adjusted(
        typeFactory, precision(type1) + precision(type2) + 1, type1.getScale() + type2.getScale());
  }

  @Override
  public RelDataType deriveDecimalDivideType(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    if (!decimalOperands(type1, type2)) {
      return null;
    }
    int p1 = precision(type1), s1 = type1.getScale(), p2 = precision(type2), s2 = type2.getScale();
    int scale = Math.max(6, s1 + p2 + 1);
    return adjusted(typeFactory, p1 - s1 + s2 + scale, scale);
  }

  @Override
  public RelDataType deriveDecimalModType(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    if (!decimalOperands(type1, type2)) {
      return null;
    }
    int p1 = precision(type1), s1 = type1.getScale(), p2 = precision(type2), s2 = type2.getScale();
    int scale = Math.max(s1, s2);
    return adjusted(typeFactory, Math.min(p1 - s1, p2 - s2) + scale, scale);
  }

  /** Both exact numbers, at least one a decimal: Spark's decimal arithmetic applies. */
  private static boolean decimalOperands(RelDataType type1, RelDataType type2) {
    return SqlTypeUtil.isExactNumeric(type1)
        && SqlTypeUtil.isExactNumeric(type2)
        && (SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2));
  }

  /** The digits of an exact number as a decimal: Spark's {@code DecimalType.forType}. */
  private static int precision(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TINYINT -> 3;
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 20;
      default -> type.getPrecision();
    };
  }

  /**
   * Spark's {@code DecimalType.adjustPrecisionScale}: beyond 38 digits, the integer digits are kept
   * and the scale gives way, but not below 6 (or the scale asked for, when smaller).
   */
  private static RelDataType adjusted(RelDataTypeFactory typeFactory, int precision, int scale) {
    int p = precision;
    int s = scale;
    if (precision > 38) {
      p = 38;
      s = Math.max(38 - (precision - scale), Math.min(scale, 6));
    }
    return typeFactory.createTypeWithNullability(
        typeFactory.createSqlType(SqlTypeName.DECIMAL, p, s), true);
  }

  private static RelDataType decimal(
      RelDataTypeFactory typeFactory, RelDataType like, int precision, int scale) {
    RelDataType t =
        typeFactory.createSqlType(
            SqlTypeName.DECIMAL, Math.min(38, precision), Math.min(38, scale));
    return typeFactory.createTypeWithNullability(t, like.isNullable());
  }

  @Override
  public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
