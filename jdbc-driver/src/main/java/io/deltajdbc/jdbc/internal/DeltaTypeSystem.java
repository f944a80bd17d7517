package io.deltajdbc.jdbc.internal;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Delta's type limits: decimals of up to 38 digits. String literals of different lengths in one
 * VALUES list or UNION are VARCHAR, as in Spark: Calcite's default would pad them to a common
 * CHAR length, and {@code INSERT ... VALUES ('north'), ('east')} would store {@code 'east '}.
 * Sums and averages of decimals widen as Spark's do ({@code sum}: 10 more digits; {@code avg}: 4
 * more decimals): Calcite's default keeps the argument's type, so the average of a
 * {@code DECIMAL(15,2)} column was cut to 2 decimals and a large sum could overflow. An average
 * has 38 digits where Spark's has 4 more than its argument: Calcite computes it by casting the sum
 * to the average's type before dividing, and a sum of 14 integer digits would not fit in 19. Decimals
 * are rounded half up when their scale shrinks, as Spark rounds (Calcite's default truncates: the
 * average of 1, 1 and 0 was 0.666666 where Spark says 0.666667).
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
    return typeName == SqlTypeName.DECIMAL ? 38 : typeName == SqlTypeName.TIMESTAMP ? 6
        : super.getMaxPrecision(typeName);
  }

  /** Delta's timestamps are microseconds: TIMESTAMP is TIMESTAMP(6), as in Spark, unless a statement says less. */
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
    return decimal(typeFactory, argumentType, argumentType.getPrecision() + 10, argumentType.getScale());
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return super.deriveAvgAggType(typeFactory, argumentType);
    }
    return decimal(typeFactory, argumentType, 38, argumentType.getScale() + 4);
  }

  private static RelDataType decimal(RelDataTypeFactory typeFactory, RelDataType like, int precision, int scale) {
    RelDataType t = typeFactory.createSqlType(SqlTypeName.DECIMAL, Math.min(38, precision), Math.min(38, scale));
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
