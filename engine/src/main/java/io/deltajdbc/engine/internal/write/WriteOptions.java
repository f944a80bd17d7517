package io.deltajdbc.engine.internal.write;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Metadata;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How data files are written, from table properties and the engine configuration: the Parquet codec
 * (table property {@code parquet.compression}, Snappy by default), statistics columns and string
 * prefix, and the size at which a file is closed and the next one started.
 */
record WriteOptions(
    CompressionCodecName codec, int numIndexedCols, int stringPrefix, long targetFileBytes) {
  static final String CODEC_PROPERTY = "parquet.compression";
  static final String TARGET_FILE_SIZE = "deltajdbc.write.targetFileSize";

  static WriteOptions of(Metadata metadata, Configuration conf) {
    String codecName =
        metadata.property(CODEC_PROPERTY).orElse("snappy").trim().toUpperCase(Locale.ROOT);
    CompressionCodecName codec;
    try {
      codec = CompressionCodecName.valueOf(codecName);
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.invalidTableProperty(
          CODEC_PROPERTY, codecName, "use snappy, zstd, gzip, lz4_raw or uncompressed.");
    }
    int indexed = intProperty(metadata, "delta.dataSkippingNumIndexedCols", 32);
    int prefix = intProperty(metadata, "delta.dataSkippingStringPrefixLength", 32);
    return new WriteOptions(
        codec, indexed, prefix, conf.getLongBytes(TARGET_FILE_SIZE, 128L << 20));
  }

  private static int intProperty(Metadata metadata, String key, int dflt) {
    String v = metadata.property(key).orElse(null);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw DeltaErrors.invalidTableProperty(key, v, "it must be an integer.");
    }
  }
}
