package io.deltajdbc.engine.actions;

import java.util.Map;

/** An action naming a file of the table: add, remove or cdc. */
public sealed interface FileAction extends Action permits AddFile, RemoveFile, AddCDCFile {
  /** The file's URI-encoded path, relative to the table root or absolute. */
  String path();

  Map<String, String> partitionValues();

  boolean dataChange();
}
