package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileStats;

/**
 * A file a scan reads, with its partition values decoded in read-column order (null for data
 * columns).
 */
record PlannedFile(AddFile add, Object[] partitionValues, FileStats stats) {}
