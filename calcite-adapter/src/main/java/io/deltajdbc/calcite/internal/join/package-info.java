/**
 * Join planning beyond Calcite's default rules: conditions rewritten so that equalities become
 * hash-join keys.
 */
package io.deltajdbc.calcite.internal.join;
