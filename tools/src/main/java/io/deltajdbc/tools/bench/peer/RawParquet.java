package io.deltajdbc.tools.bench.peer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The limit of a scan: the same data files read with parquet-hadoop's column readers, one column
 * chunk at a time, no rows assembled, on one thread. Sums decimal (or integer) columns exactly.
 */
public final class RawParquet {
  public static final String NAME = "parquet-hadoop 1.13.1 column readers";
  private final Configuration conf = new Configuration();

  /** The rows read and the exact sum of each named column over all {@code files}. */
  public List<Object> sums(List<URI> files, List<String> columns) throws IOException {
    BigDecimal[] sums = new BigDecimal[columns.size()];
    long rows = 0;
    for (URI f : files) {
      try (ParquetFileReader reader =
          ParquetFileReader.open(HadoopInputFile.fromPath(new Path(f), conf))) {
        MessageType file = reader.getFooter().getFileMetaData().getSchema();
        List<Type> fields = new ArrayList<>();
        columns.forEach(c -> fields.add(file.getType(c)));
        MessageType projection = new MessageType(file.getName(), fields);
        reader.setRequestedSchema(projection);
        String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        PageReadStore pages;
        while ((pages = reader.readNextRowGroup()) != null) {
          rows += pages.getRowCount();
          ColumnReadStoreImpl store =
              new ColumnReadStoreImpl(
                  pages,
                  new GroupRecordConverter(projection).getRootConverter(),
                  projection,
                  createdBy);
          for (int i = 0; i < columns.size(); i++) {
            ColumnDescriptor d = projection.getColumns().get(i);
            BigDecimal s = sum(store.getColumnReader(d), d);
            sums[i] = sums[i] == null ? s : sums[i].add(s);
          }
        }
      }
    }
    List<Object> out = new ArrayList<>();
    out.add(rows);
    out.addAll(List.of(sums));
    return out;
  }

  private static BigDecimal sum(ColumnReader r, ColumnDescriptor d) {
    PrimitiveType type = d.getPrimitiveType();
    int maxDef = d.getMaxDefinitionLevel();
    int scale =
        type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation dec
            ? dec.getScale()
            : 0;
    long n = r.getTotalValueCount();
    switch (type.getPrimitiveTypeName()) {
      case INT64, INT32 -> {
        boolean longs = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64;
        long s = 0;
        for (long i = 0; i < n; i++) {
          if (r.getCurrentDefinitionLevel() == maxDef) {
            s += longs ? r.getLong() : r.getInteger();
          }
          r.consume();
        }
        return BigDecimal.valueOf(s, scale);
      }
      case FIXED_LEN_BYTE_ARRAY, BINARY -> {
        BigInteger s = BigInteger.ZERO;
        for (long i = 0; i < n; i++) {
          if (r.getCurrentDefinitionLevel() == maxDef) {
            s = s.add(new BigInteger(r.getBinary().getBytesUnsafe()));
          }
          r.consume();
        }
        return new BigDecimal(s, scale);
      }
      default -> throw new IllegalArgumentException("Cannot sum column " + d + " of type " + type);
    }
  }
}
