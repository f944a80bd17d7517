package io.deltajdbc.engine.internal.dv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.files.RoaringBitmapArray;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.CRC32;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Z85, the 64-bit bitmap format and deletion vector files, as the protocol specifies them. */
class DeletionVectorsTest {
  @TempDir Path dir;

  @Test
  void z85MatchesTheZeroMqSpecification() {
    byte[] hello = {(byte) 0x86, 0x4F, (byte) 0xD2, 0x6F, (byte) 0xB5, 0x59, (byte) 0xF7, 0x5B};
    assertEquals("HelloWorld", Z85.encode(hello));
    assertArrayEquals(hello, Z85.decode("HelloWorld"));
    assertThrows(IllegalArgumentException.class, () -> Z85.decode("Hell"));
  }

  @Test
  void bitmapsRoundTripAcrossTheThirtyTwoBitBoundary() {
    RoaringBitmapArray b = RoaringBitmapArray.of(0, 7, 65_536, 1L << 32, (1L << 33) + 5);
    RoaringBitmapArray back = RoaringBitmapArray.deserialize(ByteBuffer.wrap(b.serialize()));
    assertArrayEquals(new long[] {0, 7, 65_536, 1L << 32, (1L << 33) + 5}, back.toArray());
    assertTrue(back.contains(1L << 32));
    assertFalse(back.contains(8));
    assertEquals(5, back.cardinality());
  }

  @Test
  void inlineAndFileDeletionVectorsLoad() throws IOException {
    RoaringBitmapArray b = RoaringBitmapArray.of(1, 3, 5);
    byte[] bytes = b.serialize();
    byte[] padded = java.util.Arrays.copyOf(bytes, (bytes.length + 3) / 4 * 4);
    DeletionVectorDescriptor inline =
        new DeletionVectorDescriptor("i", Z85.encode(padded), null, bytes.length, 3, null);
    assertArrayEquals(
        new long[] {1, 3, 5},
        DeletionVectorLoader.load(new Configuration(), root(), inline, "t").toArray());

    UUID id = UUID.randomUUID();
    DeletionVectorDescriptor onDisk = writeFile("ab", id, bytes, false);
    assertArrayEquals(
        new long[] {1, 3, 5},
        DeletionVectorLoader.load(new Configuration(), root(), onDisk, "t").toArray());
  }

  @Test
  void aDamagedFileIsNamedInTheError() throws IOException {
    byte[] bytes = RoaringBitmapArray.of(1, 3, 5).serialize();
    DeletionVectorDescriptor dv = writeFile("", UUID.randomUUID(), bytes, true);
    DeltaException e =
        assertThrows(
            DeltaException.class,
            () -> DeletionVectorLoader.load(new Configuration(), root(), dv, "my_table"));
    assertEquals(ErrorCode.CORRUPT_DATA, e.code());
    assertTrue(
        e.getMessage().contains("my_table")
            && e.getMessage().contains("deletion_vector_")
            && e.getMessage().contains("CRC"),
        e.getMessage());
  }

  private org.apache.hadoop.fs.Path root() {
    return new org.apache.hadoop.fs.Path(dir.toUri());
  }

  /** Writes a DV file in the protocol's layout: version byte, size, bitmap, CRC-32 (big endian). */
  private DeletionVectorDescriptor writeFile(
      String prefix, UUID id, byte[] bitmap, boolean damageCrc) throws IOException {
    Path folder = prefix.isEmpty() ? dir : Files.createDirectories(dir.resolve(prefix));
    CRC32 crc = new CRC32();
    crc.update(bitmap);
    try (OutputStream o = Files.newOutputStream(folder.resolve("deletion_vector_" + id + ".bin"));
        DataOutputStream out = new DataOutputStream(o)) {
      out.writeByte(1);
      out.writeInt(bitmap.length);
      out.write(bitmap);
      out.writeInt((int) crc.getValue() ^ (damageCrc ? 1 : 0));
    }
    ByteBuffer uuid =
        ByteBuffer.allocate(16)
            .putLong(id.getMostSignificantBits())
            .putLong(id.getLeastSignificantBits());
    return new DeletionVectorDescriptor(
        "u", prefix + Z85.encode(uuid.array()), 1, bitmap.length, 3, null);
  }
}
