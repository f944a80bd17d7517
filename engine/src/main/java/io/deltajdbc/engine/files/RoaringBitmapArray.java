package io.deltajdbc.engine.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * A set of 64-bit row indexes: 32-bit RoaringBitmaps ("buckets") keyed by the high 32 bits, in the
 * protocol's serialized form (magic number, then Roaring's portable 64-bit format, little endian).
 */
public final class RoaringBitmapArray {
  public static final int MAGIC = 1681511377;

  private final TreeMap<Integer, RoaringBitmap> buckets = new TreeMap<>();

  public static RoaringBitmapArray of(long... values) {
    RoaringBitmapArray b = new RoaringBitmapArray();
    for (long v : values) {
      b.add(v);
    }
    return b;
  }

  /**
   * Reads the serialized form at the buffer's position; IllegalArgumentException when it is not
   * one.
   */
  public static RoaringBitmapArray deserialize(ByteBuffer in) {
    ByteBuffer buf = in.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (buf.remaining() < 12) {
      throw new IllegalArgumentException(
          "a deletion vector needs at least 12 bytes, found " + buf.remaining());
    }
    int magic = buf.getInt();
    if (magic != MAGIC) {
      throw new IllegalArgumentException(
          "deletion vector magic number is " + magic + ", expected " + MAGIC);
    }
    long count = buf.getLong();
    if (count < 0 || count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("deletion vector claims " + count + " buckets");
    }
    RoaringBitmapArray out = new RoaringBitmapArray();
    for (long i = 0; i < count; i++) {
      int key = buf.getInt();
      if (key < 0) {
        throw new IllegalArgumentException("deletion vector bucket key " + key + " is negative");
      }
      RoaringBitmap bucket = new RoaringBitmap();
      try {
        bucket.deserialize(buf.slice().order(ByteOrder.LITTLE_ENDIAN));
      } catch (java.io.IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "deletion vector bucket " + key + " is not a RoaringBitmap: " + e, e);
      }
      buf.position(buf.position() + bucket.serializedSizeInBytes());
      out.buckets.put(key, bucket);
    }
    return out;
  }

  /** The serialized form: magic number and portable 64-bit Roaring format. */
  public byte[] serialize() {
    int size = 4 + 8;
    for (RoaringBitmap b : buckets.values()) {
      b.runOptimize();
      size += 4 + b.serializedSizeInBytes();
    }
    ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(MAGIC);
    buf.putLong(buckets.size());
    for (Map.Entry<Integer, RoaringBitmap> e : buckets.entrySet()) {
      buf.putInt(e.getKey());
      e.getValue().serialize(buf);
    }
    return buf.array();
  }

  public void add(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("row index " + value + " is negative");
    }
    buckets.computeIfAbsent((int) (value >>> 32), k -> new RoaringBitmap()).add((int) value);
  }

  public boolean contains(long value) {
    if (value < 0) {
      return false;
    }
    RoaringBitmap b = buckets.get((int) (value >>> 32));
    return b != null && b.contains((int) value);
  }

  public long cardinality() {
    long n = 0;
    for (RoaringBitmap b : buckets.values()) {
      n += b.getLongCardinality();
    }
    return n;
  }

  /** The indexes in ascending order. */
  public long[] toArray() {
    long[] out = new long[Math.toIntExact(cardinality())];
    int i = 0;
    for (Map.Entry<Integer, RoaringBitmap> e : buckets.entrySet()) {
      long high = ((long) e.getKey()) << 32;
      for (org.roaringbitmap.IntIterator it = e.getValue().getIntIterator(); it.hasNext(); ) {
        out[i++] = high | Integer.toUnsignedLong(it.next());
      }
    }
    return out;
  }
}
