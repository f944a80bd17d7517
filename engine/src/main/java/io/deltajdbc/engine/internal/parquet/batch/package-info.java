/**
 * The columnar Parquet reader: pages read by parquet-hadoop, decoded by our own decoders straight
 * into {@link io.deltajdbc.engine.data.ColumnVector}s (PLAIN, dictionary ids through a run-based
 * RLE/bit-packing hybrid decoder, RLE booleans), with the record reader's value conversions.
 */
package io.deltajdbc.engine.internal.parquet.batch;
