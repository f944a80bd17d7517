package io.deltajdbc.engine.expressions;

/** A value computed from a row: a column, a literal, or a predicate (a boolean value). */
public sealed interface Expression permits Column, Literal, Predicate {}
