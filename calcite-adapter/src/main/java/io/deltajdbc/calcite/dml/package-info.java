/**
 * What UPDATE, DELETE and MERGE hand to the engine's DML executor: Spark SQL text of their
 * conditions and expressions (parameters bound as literals), the engine predicate that prunes
 * files, and the executor configured from the connection's {@code spark.*} properties.
 */
package io.deltajdbc.calcite.dml;
