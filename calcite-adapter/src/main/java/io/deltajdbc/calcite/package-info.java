/**
 * An Apache Calcite adapter over a warehouse of Delta tables: a schema per folder, a table per
 * directory holding {@code _delta_log/}, looked up lazily; {@code name@v3} and {@code
 * name@yyyyMMddHHmmssSSS} resolve to older versions.
 */
package io.deltajdbc.calcite;
