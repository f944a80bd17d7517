/**
 * Parquet data files through parquet-hadoop: the row reader (projection by name or field id, every
 * physical encoding of the protocol's types, legacy list and map layouts, type widening, deleted
 * rows skipped by index) and the row writer with Spark's layout.
 */
package io.deltajdbc.engine.internal.parquet;
