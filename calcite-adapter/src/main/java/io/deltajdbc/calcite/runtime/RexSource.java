package io.deltajdbc.calcite.runtime;

import java.lang.reflect.Modifier;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.util.BuiltInMethod;

/**
 * The Java source Calcite generates for an expression over a row, the same translation ({@link
 * RexToLixTranslator}) its enumerable operators use for a query's filters and projections: a method
 * {@code Object[] apply(Object root)} reading the row from the data context's {@code inputRecord}
 * (an {@code Object[]} in Calcite's runtime representation) and its bound parameters as {@code ?0},
 * {@code ?1}, ...
 */
final class RexSource {
  /** The data context entry that holds the row. */
  static final String INPUT_RECORD = "inputRecord";

  private RexSource() {}

  static String of(
      RexBuilder rexBuilder,
      JavaTypeFactory typeFactory,
      RexNode expression,
      RelDataType rowType,
      SqlConformance conformance) {
    RexProgramBuilder program = new RexProgramBuilder(rowType, rexBuilder);
    program.addProject(expression, "c0");
    BlockBuilder block = new BlockBuilder();
    ParameterExpression root0 = Expressions.parameter(Object.class, "root0");
    block.add(
        Expressions.declare(
            Modifier.FINAL, DataContext.ROOT, Expressions.convert_(root0, DataContext.class)));
    List<Expression> values =
        RexToLixTranslator.translateProjects(
            program.getProgram(),
            typeFactory,
            conformance,
            block,
            null,
            null,
            DataContext.ROOT,
            (list, index, storageType) -> {
              Expression record =
                  EnumUtils.convert(
                      Expressions.call(
                          DataContext.ROOT,
                          BuiltInMethod.DATA_CONTEXT_GET.method,
                          Expressions.constant(INPUT_RECORD)),
                      Object[].class);
              return EnumUtils.convert(
                  Expressions.arrayIndex(record, Expressions.constant(index)),
                  storageType != null
                      ? storageType
                      : typeFactory.getJavaClass(rowType.getFieldList().get(index).getType()));
            },
            null);
    block.add(Expressions.return_(null, Expressions.newArrayInit(Object[].class, values)));
    return Expressions.toString(
        Expressions.methodDecl(
            Modifier.PUBLIC,
            Object[].class,
            BuiltInMethod.FUNCTION1_APPLY.method.getName(),
            List.of(root0),
            block.toBlock()));
  }
}
