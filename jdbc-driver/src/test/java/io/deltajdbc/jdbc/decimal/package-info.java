/**
 * Decimal arithmetic through the driver against delta-spark's answers on the same tables: result
 * types, values rounded half up to their scale, overflow as NULL, and what INSERT and CTAS write.
 */
package io.deltajdbc.jdbc.decimal;
