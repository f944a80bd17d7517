package io.deltajdbc.calcite.runtime;

import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * What a {@link CompiledFunction}'s code reads while it runs in a task: the row, and the
 * statement's parameters and time values as the driver bound them. There is no schema: the code of
 * a DML expression reads no table (subqueries were evaluated before, by the driver).
 */
final class FunctionDataContext implements DataContext {
  private static final JavaTypeFactory TYPES = new JavaTypeFactoryImpl();
  private final Object[] record;
  private final Map<String, Object> values;

  FunctionDataContext(Object[] record, Map<String, Object> values) {
    this.record = record;
    this.values = values;
  }

  @Override
  public SchemaPlus getRootSchema() {
    return null;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return TYPES;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    return RexSource.INPUT_RECORD.equals(name) ? record : values.get(name);
  }
}
