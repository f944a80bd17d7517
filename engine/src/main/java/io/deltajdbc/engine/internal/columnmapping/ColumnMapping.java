package io.deltajdbc.engine.internal.columnmapping;

import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.internal.features.TableFeatures;
import io.deltajdbc.engine.internal.features.TableFeatures.ColumnMappingMode;
import io.deltajdbc.engine.internal.parquet.ColumnMatching;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How logical columns find their data (protocol: "Column Mapping"). With mode {@code name} a
 * field's Parquet column and its keys in partition values and statistics are its physical name;
 * with {@code id} Parquet columns are matched by field id; with {@code none} by the logical name,
 * even when leftover mapping metadata is present.
 */
public final class ColumnMapping {
  private final ColumnMappingMode mode;

  private ColumnMapping(ColumnMappingMode mode) {
    this.mode = mode;
  }

  public static ColumnMapping of(Metadata metadata) {
    return new ColumnMapping(TableFeatures.columnMappingMode(metadata));
  }

  public ColumnMappingMode mode() {
    return mode;
  }

  public boolean isEnabled() {
    return mode != ColumnMappingMode.NONE;
  }

  /** How the Parquet reader matches fields for this table. */
  public ColumnMatching matching() {
    return mode == ColumnMappingMode.ID ? ColumnMatching.BY_FIELD_ID : ColumnMatching.BY_NAME;
  }

  /** The key of a column in {@code partitionValues} and in statistics. */
  public String physicalName(StructField field) {
    return isEnabled() ? field.physicalName() : field.name();
  }

  /**
   * The schema to give the Parquet reader: as is when mapping is on (physical names and ids are in
   * the field metadata), stripped of mapping metadata when it is off.
   */
  public StructType readSchema(StructType logical) {
    return isEnabled() ? logical : strip(logical);
  }

  private static StructType strip(StructType s) {
    List<StructField> out = new ArrayList<>(s.size());
    for (StructField f : s.fields()) {
      Map<String, Object> md = new LinkedHashMap<>(f.metadata().values());
      md.remove(StructField.COLUMN_MAPPING_ID_KEY);
      md.remove(StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY);
      out.add(
          new StructField(
              f.name(), strip(f.type()), f.nullable(), new StructField.FieldMetadata(md)));
    }
    return new StructType(out);
  }

  private static DataType strip(DataType t) {
    if (t instanceof StructType s) {
      return strip(s);
    }
    if (t instanceof ArrayType a) {
      return new ArrayType(strip(a.elementType()), a.containsNull());
    }
    if (t instanceof MapType m) {
      return new MapType(strip(m.keyType()), strip(m.valueType()), m.valueContainsNull());
    }
    return t;
  }

  /** The struct with every field renamed to its physical name (statistics are keyed so). */
  public StructType physicalSchema(StructType logical) {
    if (!isEnabled()) {
      return logical;
    }
    List<StructField> out = new ArrayList<>(logical.size());
    for (StructField f : logical.fields()) {
      DataType t = f.type() instanceof StructType s ? physicalSchema(s) : f.type();
      out.add(new StructField(f.physicalName(), t, f.nullable(), f.metadata()));
    }
    return new StructType(out);
  }
}
