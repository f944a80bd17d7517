package io.deltajdbc.calcite.sql;

import java.lang.reflect.Type;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalcitePrepareImpl;

/** Calcite's statement preparation, with the SQL first rewritten by {@link DeltaSqlRewriter}. */
public class DeltaPrepare extends CalcitePrepareImpl {
  @Override
  public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
    if (query.sql != null) {
      query = CalcitePrepare.Query.of(DeltaSqlRewriter.rewrite(query.sql));
    }
    return super.prepareSql(context, query, elementType, maxRowCount);
  }
}
