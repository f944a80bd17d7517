package io.deltajdbc.jdbc.internal;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.DeltaMeta;

/** Calcite's metadata implementation, with Delta table descriptions as table remarks and one commit per batch. */
public final class DeltaMetaTables {
  private DeltaMetaTables() {}

  public static Meta meta(CalciteConnection connection) {
    return DeltaMeta.create(connection, DeltaMetaTableFactory.INSTANCE, DeltaMetaColumnFactory.INSTANCE);
  }
}
