package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import org.apache.parquet.schema.Type;

/**
 * What converters need to know about the read: the matching rule, and the file for error messages.
 */
public record ReadContext(ColumnMatching matching, String tablePath, String file) {

  public DeltaException typeMismatch(String column, Type parquet, Object schemaType) {
    return DeltaErrors.corruptData(
        tablePath,
        file,
        "column '"
            + column
            + "' is stored as Parquet type '"
            + parquet.toString().trim()
            + "', which cannot be read as the table's type "
            + schemaType
            + "."
            + " The file does not match the table schema.",
        null);
  }
}
