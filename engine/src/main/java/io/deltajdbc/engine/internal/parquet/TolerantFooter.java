package io.deltajdbc.engine.internal.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Reads a footer whose schema uses logical type annotations newer than parquet-hadoop 1.13 (for
 * instance VARIANT, written by Spark 4): such annotations are dropped and the physical layout kept,
 * which is all the row reader needs. Used only when the regular footer parse fails.
 */
final class TolerantFooter {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private TolerantFooter() {}

  static ParquetMetadata read(InputFile file) throws IOException {
    long length = file.getLength();
    try (SeekableInputStream in = file.newStream()) {
      if (length < 12) {
        throw new IOException("file of " + length + " bytes is too short for Parquet");
      }
      byte[] tail = new byte[8];
      in.seek(length - 8);
      in.readFully(tail);
      if (tail[4] != MAGIC[0]
          || tail[5] != MAGIC[1]
          || tail[6] != MAGIC[2]
          || tail[7] != MAGIC[3]) {
        throw new IOException(
            "no Parquet magic number at the end of the file (encrypted footers are not supported)");
      }
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      if (footerLength <= 0 || footerLength > length - 12) {
        throw new IOException(
            "footer length " + footerLength + " does not fit in a file of " + length + " bytes");
      }
      byte[] footer = new byte[footerLength];
      in.seek(length - 8 - footerLength);
      in.readFully(footer);
      FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
      for (SchemaElement e : meta.getSchema()) {
        if (e.isSetLogicalType() && e.getLogicalType().getSetField() == null) {
          e.unsetLogicalType();
        }
      }
      return new ParquetMetadataConverter().fromParquetMetadata(meta);
    }
  }
}
