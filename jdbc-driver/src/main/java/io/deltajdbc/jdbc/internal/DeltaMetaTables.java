package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.engine.types.StructField;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * The rows of {@code getTables} and {@code getColumns} as {@link DeltaMeta} lists them: tables in
 * the order Calcite lists them (schemas by name, then their tables by name), Delta table
 * descriptions as table remarks, columns described as {@link ColumnType} says (and their comments
 * as remarks).
 */
final class DeltaMetaTables {
  private DeltaMetaTables() {}

  /**
   * The tables of the schemas under {@code root} that match the patterns, as getTables lists them.
   */
  static Enumerable<MetaImpl.MetaTable> tables(
      CalciteSchema root, String catalog, Meta.Pat schemaPattern, Meta.Pat tableNamePattern) {
    Predicate1<String> schemaMatcher = LikePattern.matcher(schemaPattern.s);
    LikePattern tableNames = new LikePattern(tableNamePattern.s);
    return Linq4j.asEnumerable(root.getSubSchemaMap().values())
        .orderBy(schema -> schema.name)
        .where(schema -> schemaMatcher.apply(schema.name))
        .selectMany(schema -> tables(schema, catalog, tableNames));
  }

  private static Enumerable<MetaImpl.MetaTable> tables(
      CalciteSchema schema, String catalog, LikePattern names) {
    DeltaMetaTableFactory factory = DeltaMetaTableFactory.INSTANCE;
    return Linq4j.asEnumerable(schema.getTableNames(names))
        .select(
            name ->
                factory.createTable(
                    Objects.requireNonNull(
                            schema.getTable(name, true),
                            () -> "table " + name + " is not found (case sensitive)")
                        .getTable(),
                    catalog,
                    schema.name,
                    name))
        .concat(
            Linq4j.asEnumerable(schema.getTablesBasedOnNullaryFunctions().entrySet())
                .select(e -> factory.createTable(e.getValue(), catalog, schema.name, e.getKey())));
  }

  /** The getColumns rows of a table that getTables listed. */
  static Enumerable<MetaImpl.MetaColumn> columns(
      MetaImpl.MetaTable table, JavaTypeFactory typeFactory) {
    DeltaMetaTableFactory.DeltaMetaTable t = (DeltaMetaTableFactory.DeltaMetaTable) table;
    Map<String, StructField> fields = new HashMap<>();
    if (t.table instanceof DeltaCalciteTable delta) {
      delta.schema().fields().forEach(f -> fields.put(f.name(), f));
    }
    return Linq4j.asEnumerable(t.table.getRowType(typeFactory).getFieldList())
        .select(
            f -> DeltaMetaColumnFactory.INSTANCE.column(t.table, t, f, fields.get(f.getName())));
  }
}
