/**
 * The columnar Parquet reader: pages read by parquet-hadoop, decoded by our own decoders straight
 * into {@link io.deltajdbc.engine.data.ColumnVector}s, one decoder per encoding (PLAIN, dictionary
 * ids through a run-based RLE/bit-packing hybrid decoder, RLE booleans, DELTA_BINARY_PACKED,
 * DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT), with the record reader's value
 * conversions.
 */
package io.deltajdbc.engine.internal.parquet.batch;
