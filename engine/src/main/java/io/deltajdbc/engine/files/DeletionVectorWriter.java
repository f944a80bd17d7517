package io.deltajdbc.engine.files;

import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import java.io.Closeable;

/**
 * Writes deletion vectors into one new deletion vector file of a table (protocol: "Deletion Vector
 * Format"); each call returns the descriptor an add names. Obtained from {@link
 * TableFiles#deletionVectorWriter()}; close it before committing the adds.
 */
public interface DeletionVectorWriter extends Closeable {

  DeletionVectorDescriptor write(RoaringBitmapArray deletedRows);

  @Override
  void close();
}
