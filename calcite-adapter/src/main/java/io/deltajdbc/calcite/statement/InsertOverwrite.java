package io.deltajdbc.calcite.statement;

import io.deltajdbc.calcite.internal.CalciteRows;
import io.deltajdbc.calcite.internal.CalciteValues;
import io.deltajdbc.calcite.rel.DeltaQuery;
import io.deltajdbc.calcite.runtime.DeltaWrites;
import io.deltajdbc.calcite.sql.DeltaPrepare;
import io.deltajdbc.calcite.sql.SqlPositions;
import io.deltajdbc.calcite.sql.ast.DeltaTypeNames;
import io.deltajdbc.calcite.sql.ast.SqlDeltaInsert;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.TableInfo;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.PartitionValues;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.StructType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code INSERT OVERWRITE [TABLE] t [PARTITION (p = v, ...)] [(columns)] query}, with Delta's
 * replaceWhere semantics: in one commit, the files of the whole table (or, with a partition spec,
 * of that partition only) are removed and the query's rows written. Rows take the fixed partition
 * values; the query gives the other columns (all of them in table order, or those named).
 */
final class InsertOverwrite {
  private InsertOverwrite() {}

  static <T> CalciteSignature<T> prepare(
      DeltaPrepare prepare, CalcitePrepare.Context context, SqlDeltaInsert insert, String sql) {
    TableRef ref = MergeStatement.target(context, insert.getTargetTable());
    TableInfo info = ref.table().latestInfo();
    StructType schema = info.schema();
    Map<String, String> fixed = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    if (insert.partition != null) {
      for (int i = 0; i + 1 < insert.partition.size(); i += 2) {
        String column = MergeStatement.column(schema, (SqlIdentifier) insert.partition.get(i), ref);
        if (!info.metadata().partitionColumns().contains(column)) {
          throw DeltaErrors.invalidArgument(
              "INSERT OVERWRITE "
                  + ref.qualified()
                  + " PARTITION ("
                  + column
                  + " = ...): "
                  + column
                  + " is not a partition column; the table is partitioned by "
                  + info.metadata().partitionColumns()
                  + ".");
        }
        SqlNode value = insert.partition.get(i + 1);
        fixed.put(column, DeltaTypeNames.stringValue(value));
        conditions.add(
            "\"" + column + "\" = " + SqlPositions.slice(sql, value.getParserPosition()));
      }
    }
    List<String> targets = new ArrayList<>();
    if (insert.getTargetColumnList() != null) {
      for (SqlNode c : insert.getTargetColumnList()) {
        targets.add(MergeStatement.column(schema, (SqlIdentifier) c, ref));
      }
    } else {
      schema.fieldNames().stream().filter(n -> !fixed.containsKey(n)).forEach(targets::add);
    }
    CalciteSignature<Object> query =
        prepare.prepareSql(
            context,
            CalcitePrepare.Query.of(
                SqlPositions.slice(sql, insert.getSource().getParserPosition())),
            Object[].class,
            -1);
    if (query.rowType.getFieldCount() != targets.size()) {
      throw DeltaErrors.invalidArgument(
          "INSERT OVERWRITE "
              + ref.qualified()
              + ": the query gives "
              + query.rowType.getFieldCount()
              + " columns for the "
              + targets.size()
              + " columns "
              + targets
              + ".");
    }
    Predicate replace = null;
    if (!conditions.isEmpty()) {
      replace = partitionPredicate(prepare, context, ref, String.join(" AND ", conditions));
      if (replace == null) {
        throw DeltaErrors.invalidArgument(
            "INSERT OVERWRITE "
                + ref.qualified()
                + " PARTITION "
                + fixed
                + ": the partition values do not fit the partition columns' types.");
      }
    }
    Predicate replaceWhere = replace;
    return DeltaStatements.update(
        context,
        sql,
        query.parameters,
        dc -> {
          Transaction txn = ref.table().startTransaction();
          Snapshot snapshot = txn.readSnapshot();
          ref.requireNotAppendOnly(snapshot);
          Collection<AddFile> replaced;
          if (replaceWhere == null) {
            txn.readWholeTable();
            replaced = snapshot.files();
          } else {
            txn.readPredicate(replaceWhere);
            replaced = snapshot.scanBuilder().withFilter(replaceWhere).build().files();
          }
          Iterator<Object> source =
              query
                  .enumerable(DeltaStatements.withInternals(dc, query.internalParameters))
                  .iterator();
          CalciteRows.Counted<Row> rows =
              new CalciteRows.Counted<>(
                  source,
                  r -> {
                    Object[] in = targets.size() == 1 ? new Object[] {r} : (Object[]) r;
                    Object[] out = new Object[schema.size()];
                    for (int i = 0; i < out.length; i++) {
                      String name = schema.field(i).name();
                      int t = targets.indexOf(name);
                      if (t >= 0) {
                        out[i] = CalciteValues.toEngine(in[t], schema.field(i).type());
                      } else if (fixed.containsKey(name)) {
                        out[i] =
                            PartitionValues.decode(
                                fixed.get(name), schema.field(i).type(), ZoneOffset.UTC);
                      }
                    }
                    return Row.wrap(out);
                  });
          txn.remove(replaced);
          // whole files replaced: change data readers infer the changes, as delta-spark's overwrite
          txn.changeDataFromFileActions();
          txn.write(DeltaWrites.checked(ref.schema().conf(), txn, rows));
          Map<String, String> params = new LinkedHashMap<>();
          params.put("mode", "Overwrite");
          params.put("partitionBy", "[]");
          if (!fixed.isEmpty()) {
            params.put(
                "predicate", "[\"" + String.join(" AND ", conditions).replace("\"", "") + "\"]");
          }
          txn.commit(Operation.of(OperationName.WRITE, params));
          return rows.count();
        });
  }

  /**
   * The engine predicate of a partition condition, as Calcite pushes it into a scan of the table;
   * null when Calcite cannot push it whole.
   */
  private static Predicate partitionPredicate(
      DeltaPrepare prepare, CalcitePrepare.Context context, TableRef ref, String condition) {
    String query =
        "SELECT * FROM \"" + ref.schemaName() + "\".\"" + ref.name() + "\" WHERE " + condition;
    try {
      CalciteSignature<Object> s =
          prepare.prepareSql(context, CalcitePrepare.Query.of(query), Object[].class, -1);
      for (Object v : s.internalParameters.values()) {
        if (v instanceof DeltaQuery q) {
          return q.filter();
        }
      }
    } catch (RuntimeException e) {
      // A condition Calcite cannot plan as a query prunes nothing; the caller refuses it.
    }
    return null;
  }
}
