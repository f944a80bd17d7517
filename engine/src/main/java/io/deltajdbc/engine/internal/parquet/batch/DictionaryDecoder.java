package io.deltajdbc.engine.internal.parquet.batch;

import io.deltajdbc.engine.data.BinaryVector;

/**
 * Dictionary-encoded values (PLAIN_DICTIONARY, RLE_DICTIONARY): ids unpacked in bulk, then looked
 * up.
 */
final class DictionaryDecoder implements ValueDecoder {
  private final Dictionary dictionary;
  private final RleBitPackedDecoder ids;
  private int[] idBuffer = new int[0];

  DictionaryDecoder(Dictionary dictionary, RleBitPackedDecoder ids) {
    this.dictionary = dictionary;
    this.ids = ids;
  }

  private int[] ids(int n) {
    if (idBuffer.length < n) {
      idBuffer = new int[n];
    }
    ids.readInts(idBuffer, 0, n);
    return idBuffer;
  }

  @Override
  public void readLongs(long[] dst, int off, int n) {
    dictionary.gatherLongs(ids(n), dst, off, n);
  }

  @Override
  public void readDoubles(double[] dst, int off, int n) {
    dictionary.gatherDoubles(ids(n), dst, off, n);
  }

  @Override
  public void readObjects(Object[] dst, int off, int n) {
    dictionary.gatherObjects(ids(n), dst, off, n);
  }

  @Override
  public void appendBytes(BinaryVector v, int n) {
    dictionary.appendBytes(ids(n), v, n);
  }

  @Override
  public void skip(int n) {
    ids(n);
  }
}
