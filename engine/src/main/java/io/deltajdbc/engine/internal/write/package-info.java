/**
 * Writing data files: rows split by partition into Parquet files under Hive-style directories, each
 * with the statistics the protocol defines (numRecords, minValues, maxValues, nullCount).
 */
package io.deltajdbc.engine.internal.write;
