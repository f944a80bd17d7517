/**
 * Values as the engine hands them to callers: rows ({@link io.deltajdbc.engine.data.Row}), and
 * batches of columns ({@link io.deltajdbc.engine.data.ColumnBatch} of {@link
 * io.deltajdbc.engine.data.ColumnVector}s) for callers that compute over many rows at once.
 */
package io.deltajdbc.engine.data;
