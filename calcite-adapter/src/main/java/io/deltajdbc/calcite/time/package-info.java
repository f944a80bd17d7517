/**
 * Delta timestamps at their own precision, microseconds, through Calcite. Calcite computes
 * TIMESTAMP as a {@code long} of milliseconds; here the long is microseconds since the epoch (UTC
 * wall clock) everywhere a statement runs: scans produce it, parameters bind it, results read it.
 * {@link io.deltajdbc.calcite.time.MicrosPlans} rewrites a planned statement so that Calcite's own
 * operators, which expect milliseconds, see milliseconds, and literals, casts to and from text and
 * interval arithmetic keep every microsecond. {@link io.deltajdbc.calcite.time.Micros} converts
 * between the long and {@code java.time}.
 */
package io.deltajdbc.calcite.time;
