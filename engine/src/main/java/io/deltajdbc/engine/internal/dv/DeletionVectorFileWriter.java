package io.deltajdbc.engine.internal.dv;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.files.DeletionVectorWriter;
import io.deltajdbc.engine.files.RoaringBitmapArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.zip.CRC32;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;

/**
 * Writes deletion vectors into one new file at the table root (protocol: "Deletion Vector Format"):
 * the format version byte 1, then per vector its size (4 bytes, big endian), the serialized
 * RoaringBitmapArray and the CRC-32 of those bytes. The file is named {@code
 * deletion_vector_<uuid>.bin}; descriptors point to it with storage type {@code u} and the UUID in
 * Z85, and to each vector by its offset. Not thread-safe.
 */
public final class DeletionVectorFileWriter implements DeletionVectorWriter {
  private static final byte FORMAT_VERSION = 1;

  private final Path file;
  private final String encodedUuid;
  private final String tablePath;
  private final FSDataOutputStream out;
  private long position;

  private DeletionVectorFileWriter(
      Path file, String encodedUuid, String tablePath, FSDataOutputStream out) {
    this.file = file;
    this.encodedUuid = encodedUuid;
    this.tablePath = tablePath;
    this.out = out;
  }

  /** Starts a new deletion vector file in the table root. */
  public static DeletionVectorFileWriter create(
      Configuration conf, Path tableRoot, String tablePath) {
    UUID uuid = UUID.randomUUID();
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    Path file = new Path(tableRoot, "deletion_vector_" + uuid + ".bin");
    try {
      FSDataOutputStream out = file.getFileSystem(conf).create(file, false);
      DeletionVectorFileWriter w =
          new DeletionVectorFileWriter(file, Z85.encode(b.array()), tablePath, out);
      out.writeByte(FORMAT_VERSION);
      w.position = 1;
      return w;
    } catch (IOException e) {
      throw DeltaErrors.storage("creating deletion vector file", file.toString(), e);
    }
  }

  /** Appends one deletion vector and returns its descriptor. */
  public DeletionVectorDescriptor write(RoaringBitmapArray bitmap) {
    byte[] bytes = bitmap.serialize();
    CRC32 crc = new CRC32();
    crc.update(bytes);
    long offset = position;
    try {
      out.writeInt(bytes.length);
      out.write(bytes);
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw DeltaErrors.storage("writing deletion vector file", file.toString(), e);
    }
    position += 4 + bytes.length + 4;
    long[] rows = bitmap.toArray();
    Long max = rows.length == 0 ? null : rows[rows.length - 1];
    return new DeletionVectorDescriptor(
        "u", encodedUuid, Math.toIntExact(offset), bytes.length, bitmap.cardinality(), max);
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw DeltaErrors.storage(
          "writing deletion vector file", file.toString() + " of table " + tablePath, e);
    }
  }
}
