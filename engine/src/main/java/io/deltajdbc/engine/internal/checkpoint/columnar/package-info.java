/**
 * Reading checkpoint files column by column: only the leaf columns of {@link
 * io.deltajdbc.engine.internal.checkpoint.CheckpointSchema#READ_SCHEMA} are decoded, page by page
 * (parquet-hadoop reads the footer and the decompressed pages; levels and values are decoded here),
 * and the action records are built straight from the decoded columns, with no row in between. A
 * file with an encoding or a layout this reader does not know is read by the row reader instead.
 */
package io.deltajdbc.engine.internal.checkpoint.columnar;
