package io.deltajdbc.engine.internal.parquet;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;

/** Opens Parquet writers for engine rows, in the layout of {@link ParquetWriteSchema}. */
public final class ParquetRowWriter {
  private ParquetRowWriter() {}

  /**
   * A writer that creates {@code file} (failing if it exists). With {@code physical} the columns
   * carry column-mapping physical names and field ids.
   */
  public static ParquetWriter<Row> create(
      Configuration conf,
      Path file,
      StructType schema,
      boolean physical,
      CompressionCodecName codec)
      throws IOException {
    MessageType type = ParquetWriteSchema.of(schema, physical);
    // Spark reads "org.apache.spark.version" >= 3.0 (without the legacyDateTime key) as "dates and
    // timestamps are proleptic Gregorian", which is what java.time gives; without it Spark may
    // refuse or rebase dates before 1582.
    RowWriteSupport support =
        new RowWriteSupport(
            schema,
            type,
            Map.of("org.apache.spark.version", "3.5.3", "writer.engine", "delta-jdbc"));
    return new Builder(HadoopOutputFile.fromPath(file, conf), support)
        .withConf(conf)
        .withCompressionCodec(codec)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build();
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final RowWriteSupport support;

    Builder(org.apache.parquet.io.OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return support;
    }
  }
}
