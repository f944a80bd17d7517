/** Type mapping, value conversion and predicate translation between Calcite and the engine. */
package io.deltajdbc.calcite.internal;
