/**
 * The statements Calcite's planner does not plan, each prepared into a signature whose execution
 * performs it (one Delta commit at most) and yields its update count or rows: CREATE TABLE AS,
 * INSERT OVERWRITE, INSERT of many parameter rows, MERGE; DDL in {@code statement.ddl}; SHOW and
 * DESCRIBE in {@code statement.show}. Names are resolved and the statement checked when it is
 * prepared; the work happens when it is executed.
 */
package io.deltajdbc.calcite.statement;
