package io.deltajdbc.jdbc.internal;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaImpl;

/** Calcite's metadata implementation, with Delta table descriptions as table remarks. */
public final class DeltaMetaTables {
  private DeltaMetaTables() {}

  public static Meta meta(CalciteConnection connection) {
    return CalciteMetaImpl.create(connection, DeltaMetaTableFactory.INSTANCE, DeltaMetaColumnFactory.INSTANCE);
  }
}
