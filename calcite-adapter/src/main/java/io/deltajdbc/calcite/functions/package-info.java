/**
 * Spark SQL's functions where Calcite's libraries have none with Spark's meaning: {@code
 * date_format}, {@code to_date}, {@code date_trunc}, {@code trunc} with Spark's argument order,
 * datetime patterns and null results, {@code date}, {@code concat} and {@code substr}. The rest of
 * Spark's library comes from Calcite's {@code SPARK} library, which the driver enables.
 */
package io.deltajdbc.calcite.functions;
