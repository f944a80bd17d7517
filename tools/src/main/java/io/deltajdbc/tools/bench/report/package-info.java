/**
 * The report of a benchmark run: the results as JSON, a Markdown table of ratios (our median over
 * each peer's) with the profiles of where we are slower, and a PNG bar chart of the ratios.
 */
package io.deltajdbc.tools.bench.report;
