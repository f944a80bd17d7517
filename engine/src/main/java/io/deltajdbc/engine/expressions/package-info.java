/**
 * Row filters a scan understands: column references, literals and boolean predicates over them. The
 * engine prunes partitions and skips files with them, then evaluates them on each row, so a scan
 * returns exactly the matching rows. Build them with {@link
 * io.deltajdbc.engine.expressions.Predicates}.
 */
package io.deltajdbc.engine.expressions;
