package io.deltajdbc.engine.changes;

import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;

/** The columns the change data feed adds to a table's, and the values of its change type. */
public final class ChangeColumns {
  private ChangeColumns() {}

  /** The kind of change: {@link #INSERT}, {@link #DELETE}, {@link #UPDATE_PREIMAGE}, ... */
  public static final String CHANGE_TYPE = "_change_type";

  /** The version of the commit that made the change (a {@code long}). */
  public static final String COMMIT_VERSION = "_commit_version";

  /** The time of that commit, as Delta maps commits to times (an {@link java.time.Instant}). */
  public static final String COMMIT_TIMESTAMP = "_commit_timestamp";

  public static final String INSERT = "insert";
  public static final String DELETE = "delete";
  public static final String UPDATE_PREIMAGE = "update_preimage";
  public static final String UPDATE_POSTIMAGE = "update_postimage";

  /** The rows' schema: {@code tableSchema}'s columns, then the three change columns. */
  public static StructType schemaOf(StructType tableSchema) {
    List<StructField> fields = new ArrayList<>(tableSchema.fields());
    fields.add(new StructField(CHANGE_TYPE, PrimitiveType.STRING, true));
    fields.add(new StructField(COMMIT_VERSION, PrimitiveType.LONG, true));
    fields.add(new StructField(COMMIT_TIMESTAMP, PrimitiveType.TIMESTAMP, true));
    return new StructType(fields);
  }
}
