package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * A column chunk's dictionary, decoded once into the vector's representation: one typed array for
 * the chunk, so each dictionary-encoded value costs one array read.
 */
final class Dictionary {
  private final long[] longs;
  private final double[] doubles;
  private final Object[] objects;
  private final byte[] bytes;
  private final int[] starts;
  private final int[] lengths;

  private Dictionary(
      long[] longs, double[] doubles, Object[] objects, byte[] bytes, int[] starts, int[] lengths) {
    this.longs = longs;
    this.doubles = doubles;
    this.objects = objects;
    this.bytes = bytes;
    this.starts = starts;
    this.lengths = lengths;
  }

  /** Decodes {@code size} PLAIN values of a dictionary page. */
  static Dictionary decode(
      byte[] page, int size, PrimitiveTypeName physical, int fixedLength, Conversion c) {
    PlainDecoder plain = new PlainDecoder(page, 0, physical, fixedLength, c);
    switch (c.kind()) {
      case LONG -> {
        long[] v = new long[size];
        plain.readLongs(v, 0, size);
        return new Dictionary(v, null, null, null, null, null);
      }
      case DOUBLE -> {
        double[] v = new double[size];
        plain.readDoubles(v, 0, size);
        return new Dictionary(null, v, null, null, null, null);
      }
      case OBJECT -> {
        Object[] v = new Object[size];
        plain.readObjects(v, 0, size);
        return new Dictionary(null, null, v, null, null, null);
      }
      default -> {
        int[] starts = new int[size];
        int[] lengths = new int[size];
        for (int i = 0; i < size; i++) {
          plain.nextSlice();
          starts[i] = plain.sliceStart();
          lengths[i] = plain.sliceLength();
        }
        return new Dictionary(null, null, null, page, starts, lengths);
      }
    }
  }

  void gatherLongs(int[] ids, long[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      dst[off + i] = longs[ids[i]];
    }
  }

  void gatherDoubles(int[] ids, double[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      dst[off + i] = doubles[ids[i]];
    }
  }

  void gatherObjects(int[] ids, Object[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      dst[off + i] = objects[ids[i]];
    }
  }

  void appendBytes(int[] ids, BinaryVector v, int n) {
    for (int i = 0; i < n; i++) {
      int id = ids[i];
      v.append(bytes, starts[id], lengths[id]);
    }
  }
}
