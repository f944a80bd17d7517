package io.deltajdbc.engine.internal.checkpoint.columnar;

import io.deltajdbc.engine.internal.parquet.batch.RleBitPackedDecoder;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
 * Decodes one leaf column's chunk of a row group, page after page, into {@link LeafValues}: levels
 * (RLE hybrid, or the deprecated BIT_PACKED), values PLAIN or dictionary-encoded (booleans also
 * RLE). Strings are decoded once per dictionary entry, so repeated values share one instance.
 */
final class LeafDecoder {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final ColumnDescriptor column;
  private final PrimitiveTypeName physical;
  private final int maxDef;
  private final int maxRep;
  private String[] dictStrings;
  private long[] dictLongs;

  private LeafDecoder(ColumnDescriptor column) {
    this.column = column;
    this.physical = column.getPrimitiveType().getPrimitiveTypeName();
    this.maxDef = column.getMaxDefinitionLevel();
    this.maxRep = column.getMaxRepetitionLevel();
  }

  /** Decodes the chunk {@code pages} of a row group of {@code rows} rows. */
  static LeafValues decode(ColumnDescriptor column, PageReader pages, int rows) throws IOException {
    return new LeafDecoder(column).read(pages, rows);
  }

  private LeafValues read(PageReader pages, int rows) throws IOException {
    long total = pages.getTotalValueCount();
    if (total > Integer.MAX_VALUE - 8 || total < rows) {
      throw new ParquetDecodingException(
          "column chunk has " + total + " values for " + rows + " rows");
    }
    int n = (int) total;
    DictionaryPage dictionary = pages.readDictionaryPage();
    if (dictionary != null) {
      readDictionary(dictionary);
    }
    int[] defs = new int[n];
    int[] reps = maxRep > 0 ? new int[n] : null;
    boolean binary = physical == PrimitiveTypeName.BINARY;
    String[] strings = binary ? new String[n] : null;
    long[] longs = binary ? null : new long[n];
    int at = 0;
    DataPage page;
    while (at < n && (page = pages.readPage()) != null) {
      int count = page.getValueCount();
      if (count < 0 || count > n - at) {
        throw new ParquetDecodingException("a page has more values than its column chunk");
      }
      ValueReader values =
          page instanceof DataPageV1 v1
              ? startV1(v1, defs, reps, at, count)
              : startV2((DataPageV2) page, defs, reps, at, count);
      int end = at + count;
      if (binary) {
        for (int i = at; i < end; i++) {
          if (defs[i] == maxDef) {
            strings[i] = values.nextString();
          }
        }
      } else {
        for (int i = at; i < end; i++) {
          if (defs[i] == maxDef) {
            longs[i] = values.nextLong();
          }
        }
      }
      at = end;
    }
    if (at != n) {
      throw new ParquetDecodingException("column chunk has " + at + " of its " + n + " values");
    }
    return new LeafValues(defs, reps, maxDef, strings, longs, rows);
  }

  private void readDictionary(DictionaryPage page) throws IOException {
    Encoding e = page.getEncoding();
    if (e != Encoding.PLAIN && e != Encoding.PLAIN_DICTIONARY) {
      throw new UnsupportedEncodingFound("dictionary page encoded as " + e);
    }
    int size = page.getDictionarySize();
    Plain plain = new Plain(page.getBytes().toByteArray(), 0);
    if (physical == PrimitiveTypeName.BINARY) {
      dictStrings = new String[size];
      for (int i = 0; i < size; i++) {
        dictStrings[i] = plain.nextString();
      }
    } else {
      dictLongs = new long[size];
      for (int i = 0; i < size; i++) {
        dictLongs[i] = plain.nextLong();
      }
    }
  }

  private ValueReader startV1(DataPageV1 p, int[] defs, int[] reps, int at, int count)
      throws IOException {
    byte[] bytes = p.getBytes().toByteArray();
    int pos = 0;
    if (maxRep > 0) {
      pos = levels(p.getRlEncoding(), bytes, pos, reps, at, count, maxRep);
    }
    if (maxDef > 0) {
      pos = levels(p.getDlEncoding(), bytes, pos, defs, at, count, maxDef);
    }
    return values(p.getValueEncoding(), bytes, pos);
  }

  private ValueReader startV2(DataPageV2 p, int[] defs, int[] reps, int at, int count)
      throws IOException {
    if (maxRep > 0) {
      byte[] r = p.getRepetitionLevels().toByteArray();
      new RleBitPackedDecoder(r, 0, r.length, RleBitPackedDecoder.bitWidth(maxRep))
          .readInts(reps, at, count);
    }
    if (maxDef > 0) {
      byte[] d = p.getDefinitionLevels().toByteArray();
      new RleBitPackedDecoder(d, 0, d.length, RleBitPackedDecoder.bitWidth(maxDef))
          .readInts(defs, at, count);
    }
    return values(p.getDataEncoding(), p.getData().toByteArray(), 0);
  }

  /**
   * Reads {@code count} levels at {@code bytes[pos]} into {@code dst[at ..)}; returns the position
   * after them.
   */
  private static int levels(
      Encoding encoding, byte[] bytes, int pos, int[] dst, int at, int count, int max) {
    int width = RleBitPackedDecoder.bitWidth(max);
    if (encoding == Encoding.RLE) {
      int length = (int) INT.get(bytes, pos);
      if (length < 0 || length > bytes.length - pos - 4) {
        throw new ParquetDecodingException("levels of " + length + " bytes overrun their page");
      }
      new RleBitPackedDecoder(bytes, pos + 4, pos + 4 + length, width).readInts(dst, at, count);
      return pos + 4 + length;
    }
    if (encoding == Encoding.BIT_PACKED) {
      // deprecated: most significant bit first, no length header
      long bit = (long) pos * 8;
      for (int i = 0; i < count; i++) {
        int v = 0;
        for (int b = 0; b < width; b++, bit++) {
          v = v << 1 | (bytes[(int) (bit >>> 3)] >>> (7 - (bit & 7))) & 1;
        }
        dst[at + i] = v;
      }
      return pos + (int) (((long) count * width + 7) / 8);
    }
    throw new UnsupportedEncodingFound("levels encoded as " + encoding);
  }

  private ValueReader values(Encoding encoding, byte[] bytes, int pos) {
    switch (encoding) {
      case PLAIN:
        return physical == PrimitiveTypeName.BOOLEAN
            ? new PlainBooleans(bytes, pos)
            : new Plain(bytes, pos);
      case PLAIN_DICTIONARY:
      case RLE_DICTIONARY:
        if (dictStrings == null && dictLongs == null) {
          throw new ParquetDecodingException("dictionary-encoded values but no dictionary page");
        }
        if (pos >= bytes.length) {
          return new Ids(new RleBitPackedDecoder(bytes, pos, pos, 0));
        }
        return new Ids(new RleBitPackedDecoder(bytes, pos + 1, bytes.length, bytes[pos]));
      case RLE:
        if (physical == PrimitiveTypeName.BOOLEAN) {
          int length = (int) INT.get(bytes, pos);
          RleBitPackedDecoder d =
              new RleBitPackedDecoder(bytes, pos + 4, pos + 4 + Math.max(0, length), 1);
          return new ValueReader() {
            @Override
            public long nextLong() {
              return d.next();
            }
          };
        }
        break;
      default:
        break;
    }
    throw new UnsupportedEncodingFound("values encoded as " + encoding);
  }

  /** The non-null values of one page, in order. */
  private interface ValueReader {
    default String nextString() {
      throw new ParquetDecodingException("not a string column");
    }

    long nextLong();
  }

  /** PLAIN: little-endian numbers, byte arrays with a 4-byte length. */
  private final class Plain implements ValueReader {
    private final byte[] buf;
    private int pos;

    Plain(byte[] buf, int pos) {
      this.buf = buf;
      this.pos = pos;
    }

    @Override
    public String nextString() {
      int length = (int) INT.get(buf, pos);
      if (length < 0 || length > buf.length - pos - 4) {
        throw new ParquetDecodingException("a value of " + length + " bytes overruns its page");
      }
      String s = new String(buf, pos + 4, length, StandardCharsets.UTF_8);
      pos += 4 + length;
      return s;
    }

    @Override
    public long nextLong() {
      if (physical == PrimitiveTypeName.INT64) {
        long v = (long) LONG.get(buf, pos);
        pos += 8;
        return v;
      }
      int v = (int) INT.get(buf, pos);
      pos += 4;
      return v;
    }
  }

  /** PLAIN booleans: one bit each, least significant first. */
  private static final class PlainBooleans implements ValueReader {
    private final byte[] buf;
    private final int start;
    private int bit;

    PlainBooleans(byte[] buf, int start) {
      this.buf = buf;
      this.start = start;
    }

    @Override
    public long nextLong() {
      int v = (buf[start + (bit >>> 3)] >>> (bit & 7)) & 1;
      bit++;
      return v;
    }
  }

  /** Dictionary ids, looked up in the chunk's dictionary. */
  private final class Ids implements ValueReader {
    private final RleBitPackedDecoder ids;

    Ids(RleBitPackedDecoder ids) {
      this.ids = ids;
    }

    @Override
    public String nextString() {
      return dictStrings[ids.next()];
    }

    @Override
    public long nextLong() {
      return dictLongs[ids.next()];
    }
  }

  @Override
  public String toString() {
    return String.join(".", column.getPath());
  }
}
