package io.deltajdbc.engine.internal.dv;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.files.RoaringBitmapArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.zip.CRC32;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * Loads a file's deleted row indexes from its descriptor: decoded from the log when inline, else
 * read from the deletion vector file at its offset (only the DV's own bytes), with the stored size,
 * the CRC-32 and the cardinality checked.
 */
public final class DeletionVectorLoader {
  private static final int UUID_CHARS = 20;

  /**
   * Delta Lake's own test suites write deletion vector files named with a prefix ({@code
   * spark.databricks.delta.testOnly.dvFileNamePrefix}); tables they wrote are read by setting the
   * same prefix under this Hadoop configuration key. Empty outside such tests.
   */
  public static final String TEST_FILE_NAME_PREFIX_KEY = "deltajdbc.testOnly.dvFileNamePrefix";

  private DeletionVectorLoader() {}

  public static RoaringBitmapArray load(
      Configuration conf, Path tableRoot, DeletionVectorDescriptor dv, String tablePath) {
    if (dv.isInline()) {
      String where = "inline deletion vector " + dv.pathOrInlineDv();
      try {
        byte[] bytes = Z85.decode(dv.pathOrInlineDv());
        return checked(
            RoaringBitmapArray.deserialize(
                ByteBuffer.wrap(bytes, 0, Math.min(bytes.length, dv.sizeInBytes()))),
            dv,
            tablePath,
            where);
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.corruptData(tablePath, where, e.getMessage(), e);
      }
    }
    Path file;
    try {
      file = absolutePath(tableRoot, dv, conf.get(TEST_FILE_NAME_PREFIX_KEY, ""));
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.corruptData(
          tablePath,
          dv.pathOrInlineDv(),
          "not a valid deletion vector location: " + e.getMessage(),
          e);
    }
    int offset = dv.offset() == null ? 0 : dv.offset();
    byte[] framed = new byte[4 + dv.sizeInBytes() + 4];
    try (FSDataInputStream in = file.getFileSystem(conf).open(file)) {
      in.readFully(offset, framed);
    } catch (java.io.EOFException e) {
      throw DeltaErrors.corruptData(
          tablePath,
          file.toString(),
          "the deletion vector file ends before the "
              + dv.sizeInBytes()
              + " bytes at offset "
              + offset
              + " its descriptor names.",
          e);
    } catch (IOException e) {
      throw DeltaErrors.storage("reading deletion vector", file.toString(), e);
    }
    ByteBuffer buf = ByteBuffer.wrap(framed);
    int size = buf.getInt();
    if (size != dv.sizeInBytes()) {
      throw DeltaErrors.corruptData(
          tablePath,
          file.toString(),
          "the deletion vector at offset "
              + offset
              + " has "
              + size
              + " bytes, its descriptor says "
              + dv.sizeInBytes()
              + ".",
          null);
    }
    CRC32 crc = new CRC32();
    crc.update(framed, 4, size);
    int stored = ByteBuffer.wrap(framed, 4 + size, 4).getInt();
    if ((int) crc.getValue() != stored) {
      throw DeltaErrors.corruptData(
          tablePath,
          file.toString(),
          "the deletion vector at offset "
              + offset
              + " fails its CRC-32 check; the file is damaged.",
          null);
    }
    try {
      return checked(
          RoaringBitmapArray.deserialize(ByteBuffer.wrap(framed, 4, size)),
          dv,
          tablePath,
          file.toString());
    } catch (IllegalArgumentException e) {
      throw DeltaErrors.corruptData(tablePath, file.toString(), e.getMessage(), e);
    }
  }

  private static RoaringBitmapArray checked(
      RoaringBitmapArray b, DeletionVectorDescriptor dv, String tablePath, String where) {
    if (b.cardinality() != dv.cardinality()) {
      throw DeltaErrors.corruptData(
          tablePath,
          where,
          "the deletion vector holds "
              + b.cardinality()
              + " row indexes, its descriptor says "
              + dv.cardinality()
              + ".",
          null);
    }
    return b;
  }

  /** The file of an on-disk deletion vector (storage types {@code u} and {@code p}). */
  public static Path absolutePath(
      Path tableRoot, DeletionVectorDescriptor dv, String testFileNamePrefix) {
    if (dv.storageType().equals("p")) {
      return new Path(java.net.URI.create(dv.pathOrInlineDv()));
    }
    if (!dv.storageType().equals("u")) {
      throw new IllegalArgumentException("an inline deletion vector has no file");
    }
    String s = dv.pathOrInlineDv();
    if (s.length() < UUID_CHARS) {
      throw new IllegalArgumentException(
          "deletion vector path '" + s + "' is shorter than a Z85 UUID");
    }
    String prefix = s.substring(0, s.length() - UUID_CHARS);
    ByteBuffer uuid = ByteBuffer.wrap(Z85.decode(s.substring(s.length() - UUID_CHARS)));
    String name =
        testFileNamePrefix + "deletion_vector_" + new UUID(uuid.getLong(), uuid.getLong()) + ".bin";
    return prefix.isEmpty()
        ? new Path(tableRoot, name)
        : new Path(new Path(tableRoot, prefix), name);
  }
}
