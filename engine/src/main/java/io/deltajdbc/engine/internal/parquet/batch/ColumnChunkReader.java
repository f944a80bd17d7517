package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;
import io.deltajdbc.engine.data.ColumnVector;
import io.deltajdbc.engine.data.DoubleVector;
import io.deltajdbc.engine.data.LongVector;
import io.deltajdbc.engine.data.ObjectVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads one flat column's chunk of a row group into vectors, page after page: definition levels
 * (max 0 or 1) into a buffer, the non-null values decoded in bulk, then scattered to the non-null
 * rows only when the page has nulls.
 *
 * <p>The reader knows the row (within the row group) of its next value, so that columns whose pages
 * a filter dropped stay aligned: {@link #skipTo} passes over the rows between, dropping whole pages
 * or skipping values inside one. Pages of a filtered row group carry their first row's index; other
 * pages follow one another.
 */
final class ColumnChunkReader {
  private final ColumnDescriptor column;
  private final Conversion conversion;
  private final PrimitiveTypeName physical;
  private final int fixedLength;
  private final int maxDefinition;
  private PageReader pages;
  private Dictionary dictionary;
  private RleBitPackedDecoder definitions;
  private ValueDecoder values;
  private long rowsLeftInPage;
  private long nextRow;
  private int[] levels = new int[0];
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private Object[] objects = new Object[0];

  ColumnChunkReader(ColumnDescriptor column, Conversion conversion) {
    this.column = column;
    this.conversion = conversion;
    this.physical = column.getPrimitiveType().getPrimitiveTypeName();
    this.fixedLength = column.getPrimitiveType().getTypeLength();
    this.maxDefinition = column.getMaxDefinitionLevel();
  }

  /** Starts on the column's chunk of the next row group. */
  void startRowGroup(PageReader pages) {
    this.pages = pages;
    this.rowsLeftInPage = 0;
    this.nextRow = 0;
    DictionaryPage d = pages.readDictionaryPage();
    try {
      dictionary =
          d == null
              ? null
              : Dictionary.decode(
                  d.getBytes().toByteArray(),
                  d.getDictionarySize(),
                  physical,
                  fixedLength,
                  conversion);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves to {@code row} of the row group (not before the next row): the rows between are not read,
   * whole pages of them are dropped undecoded.
   */
  void skipTo(long row) {
    while (nextRow < row) {
      if (rowsLeftInPage == 0) {
        nextPage();
        if (nextRow > row) {
          throw new ParquetDecodingException(
              "column " + column + " has no page holding row " + row + " of its row group");
        }
        continue;
      }
      long gap = row - nextRow;
      if (gap >= rowsLeftInPage) {
        nextRow += rowsLeftInPage;
        rowsLeftInPage = 0;
        continue;
      }
      int k = (int) gap;
      int nonNull = k;
      if (definitions != null) {
        growLevels(k);
        nonNull = definitions.readCounting(levels, k, maxDefinition);
      }
      values.skip(nonNull);
      rowsLeftInPage -= k;
      nextRow += k;
    }
  }

  private void growLevels(int k) {
    if (levels.length < k) {
      levels = new int[Math.max(k, levels.length * 2)];
    }
  }

  /**
   * Fills rows {@code [at, at + n)} of {@code v} (already reset, and appended up to {@code at}).
   */
  void read(ColumnVector v, int at, int n) {
    int done = at;
    int end = at + n;
    while (done < end) {
      if (rowsLeftInPage == 0) {
        long expected = nextRow;
        nextPage();
        if (nextRow != expected) {
          throw new ParquetDecodingException(
              "column " + column + " has no page holding row " + expected + " of its row group");
        }
      }
      int k = (int) Math.min(rowsLeftInPage, end - done);
      int nonNull = k;
      if (definitions != null) {
        growLevels(k);
        nonNull = definitions.readCounting(levels, k, maxDefinition);
      }
      if (nonNull == k) {
        readDense(v, done, k);
      } else {
        readSparse(v, done, k, nonNull);
      }
      rowsLeftInPage -= k;
      nextRow += k;
      done += k;
    }
  }

  private void readDense(ColumnVector v, int at, int k) {
    if (v instanceof LongVector l) {
      values.readLongs(l.values(), at, k);
    } else if (v instanceof DoubleVector d) {
      values.readDoubles(d.values(), at, k);
    } else if (v instanceof ObjectVector o) {
      values.readObjects(o.values(), at, k);
    } else {
      values.appendBytes((BinaryVector) v, k);
    }
  }

  private void readSparse(ColumnVector v, int at, int k, int nonNull) {
    if (v instanceof LongVector l) {
      if (longs.length < nonNull) {
        longs = new long[Math.max(nonNull, longs.length * 2)];
      }
      values.readLongs(longs, 0, nonNull);
      long[] dst = l.values();
      for (int i = 0, j = 0; i < k; i++) {
        if (levels[i] == maxDefinition) {
          dst[at + i] = longs[j++];
        } else {
          l.setNull(at + i);
        }
      }
    } else if (v instanceof DoubleVector d) {
      if (doubles.length < nonNull) {
        doubles = new double[Math.max(nonNull, doubles.length * 2)];
      }
      values.readDoubles(doubles, 0, nonNull);
      double[] dst = d.values();
      for (int i = 0, j = 0; i < k; i++) {
        if (levels[i] == maxDefinition) {
          dst[at + i] = doubles[j++];
        } else {
          d.setNull(at + i);
        }
      }
    } else if (v instanceof ObjectVector o) {
      if (objects.length < nonNull) {
        objects = new Object[Math.max(nonNull, objects.length * 2)];
      }
      values.readObjects(objects, 0, nonNull);
      for (int i = 0, j = 0; i < k; i++) {
        if (levels[i] == maxDefinition) {
          o.set(at + i, objects[j++]);
        } else {
          o.setNull(at + i);
        }
      }
    } else {
      BinaryVector b = (BinaryVector) v;
      for (int i = 0; i < k; i++) {
        if (levels[i] == maxDefinition) {
          values.appendBytes(b, 1);
        } else {
          b.appendNull();
        }
      }
    }
  }

  private void nextPage() {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new ParquetDecodingException(
          "column " + column + " has fewer values than its row group's rows");
    }
    try {
      if (page instanceof DataPageV1 p) {
        startV1(p);
      } else {
        startV2((DataPageV2) page);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rowsLeftInPage = page.getValueCount();
    if (page.getFirstRowIndex().isPresent()) {
      nextRow = page.getFirstRowIndex().get();
    }
  }

  private void startV1(DataPageV1 p) throws IOException {
    byte[] bytes = p.getBytes().toByteArray();
    int pos = 0;
    definitions = null;
    if (maxDefinition > 0) {
      if (p.getDlEncoding() != Encoding.RLE) {
        throw new ParquetDecodingException(
            "definition levels encoded as " + p.getDlEncoding() + " are not supported");
      }
      int length =
          (bytes[0] & 0xff)
              | (bytes[1] & 0xff) << 8
              | (bytes[2] & 0xff) << 16
              | (bytes[3] & 0xff) << 24;
      definitions =
          new RleBitPackedDecoder(
              bytes, 4, 4 + length, RleBitPackedDecoder.bitWidth(maxDefinition));
      pos = 4 + length;
    }
    values = decoder(p.getValueEncoding(), bytes, pos);
  }

  private void startV2(DataPageV2 p) throws IOException {
    definitions = null;
    if (maxDefinition > 0) {
      byte[] levelBytes = p.getDefinitionLevels().toByteArray();
      definitions =
          new RleBitPackedDecoder(
              levelBytes, 0, levelBytes.length, RleBitPackedDecoder.bitWidth(maxDefinition));
    }
    values = decoder(p.getDataEncoding(), p.getData().toByteArray(), 0);
  }

  private ValueDecoder decoder(Encoding encoding, byte[] bytes, int pos) {
    switch (encoding) {
      case PLAIN:
        return new PlainDecoder(bytes, pos, physical, fixedLength, conversion);
      case PLAIN_DICTIONARY:
      case RLE_DICTIONARY:
        if (dictionary == null) {
          throw new ParquetDecodingException(
              "column " + column + " has dictionary-encoded values but no dictionary");
        }
        return new DictionaryDecoder(
            dictionary, new RleBitPackedDecoder(bytes, pos + 1, bytes.length, bytes[pos]));
      case DELTA_BINARY_PACKED:
        if (physical != PrimitiveTypeName.INT32 && physical != PrimitiveTypeName.INT64) {
          break;
        }
        return new DeltaBinaryPackedDecoder(
            bytes, pos, bytes.length, physical == PrimitiveTypeName.INT32, conversion);
      case DELTA_LENGTH_BYTE_ARRAY:
        if (!byteArrays()) {
          break;
        }
        return new DeltaLengthByteArrayDecoder(bytes, pos, bytes.length, conversion);
      case DELTA_BYTE_ARRAY:
        if (!byteArrays()) {
          break;
        }
        return new DeltaByteArrayDecoder(bytes, pos, bytes.length, conversion);
      case BYTE_STREAM_SPLIT:
        return new ByteStreamSplitDecoder(
            bytes, pos, bytes.length, physical, fixedLength, conversion);
      case RLE:
        if (physical != PrimitiveTypeName.BOOLEAN) {
          break;
        }
        int length =
            (bytes[pos] & 0xff)
                | (bytes[pos + 1] & 0xff) << 8
                | (bytes[pos + 2] & 0xff) << 16
                | (bytes[pos + 3] & 0xff) << 24;
        return new RleBooleanDecoder(new RleBitPackedDecoder(bytes, pos + 4, pos + 4 + length, 1));
      default:
        break;
    }
    throw new ParquetDecodingException(
        "values of type "
            + physical
            + " encoded as "
            + encoding
            + " are not supported by the batch reader");
  }

  private boolean byteArrays() {
    return physical == PrimitiveTypeName.BINARY
        || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
  }
}
