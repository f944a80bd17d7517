/**
 * Decimal arithmetic as Spark computes it. Calcite's runtime divides decimals to 16 significant
 * digits ({@code MathContext.DECIMAL64}) and never rounds a sum, difference, product, quotient or
 * remainder to the scale its type declares, so a {@code DECIMAL(38,6)} quotient came back with 16
 * digits. Here {@code + - * / %} on decimals become operators of their own (made by {@link
 * io.deltajdbc.calcite.internal.decimal.DecimalRexBuilder}, the planner's expression factory, so
 * the calls SQL conversion and any rule create are all covered) whose code computes the value
 * exactly and rounds it half up to the call's type, NULL when it does not fit or the divisor is
 * zero (Spark without ANSI mode). Constant folding runs the same code. AVG of a decimal is reduced
 * as Spark computes it ({@code DecimalAverageRule}), and a {@code CAST} to a decimal the statement
 * writes is NULL when the value does not fit ({@code DecimalConvertletTable}). The result types are
 * the connection's type system's ({@link io.deltajdbc.calcite.DeltaTypeSystem}: Spark's).
 */
package io.deltajdbc.calcite.internal.decimal;
