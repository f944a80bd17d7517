package io.deltajdbc.jdbc.internal;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Delta's type limits: decimals of up to 38 digits. String literals of different lengths in one
 * VALUES list or UNION are VARCHAR, as in Spark: Calcite's default would pad them to a common
 * CHAR length, and {@code INSERT ... VALUES ('north'), ('east')} would store {@code 'east '}.
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
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
