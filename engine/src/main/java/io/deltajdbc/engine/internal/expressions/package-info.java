/**
 * Evaluation of predicates on rows and partition values, and the ordering of values it relies on.
 */
package io.deltajdbc.engine.internal.expressions;
