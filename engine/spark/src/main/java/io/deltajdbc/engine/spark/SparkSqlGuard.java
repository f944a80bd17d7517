package io.deltajdbc.engine.spark;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.dml.SparkSqlAllowList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedExtractValue;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Add;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.BitwiseAnd;
import org.apache.spark.sql.catalyst.expressions.BitwiseNot;
import org.apache.spark.sql.catalyst.expressions.BitwiseOr;
import org.apache.spark.sql.catalyst.expressions.BitwiseXor;
import org.apache.spark.sql.catalyst.expressions.CaseWhen;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Concat;
import org.apache.spark.sql.catalyst.expressions.CreateNamedStruct;
import org.apache.spark.sql.catalyst.expressions.CurrentDate;
import org.apache.spark.sql.catalyst.expressions.CurrentTimestamp;
import org.apache.spark.sql.catalyst.expressions.Divide;
import org.apache.spark.sql.catalyst.expressions.EqualNullSafe;
import org.apache.spark.sql.catalyst.expressions.EqualTo;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GreaterThan;
import org.apache.spark.sql.catalyst.expressions.GreaterThanOrEqual;
import org.apache.spark.sql.catalyst.expressions.ILike;
import org.apache.spark.sql.catalyst.expressions.In;
import org.apache.spark.sql.catalyst.expressions.IntegralDivide;
import org.apache.spark.sql.catalyst.expressions.IsNotNull;
import org.apache.spark.sql.catalyst.expressions.IsNull;
import org.apache.spark.sql.catalyst.expressions.LambdaFunction;
import org.apache.spark.sql.catalyst.expressions.LessThan;
import org.apache.spark.sql.catalyst.expressions.LessThanOrEqual;
import org.apache.spark.sql.catalyst.expressions.Like;
import org.apache.spark.sql.catalyst.expressions.LikeAll;
import org.apache.spark.sql.catalyst.expressions.LikeAny;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.Multiply;
import org.apache.spark.sql.catalyst.expressions.Not;
import org.apache.spark.sql.catalyst.expressions.NotLikeAll;
import org.apache.spark.sql.catalyst.expressions.NotLikeAny;
import org.apache.spark.sql.catalyst.expressions.Or;
import org.apache.spark.sql.catalyst.expressions.Overlay;
import org.apache.spark.sql.catalyst.expressions.RLike;
import org.apache.spark.sql.catalyst.expressions.Remainder;
import org.apache.spark.sql.catalyst.expressions.StringLocate;
import org.apache.spark.sql.catalyst.expressions.StringTrim;
import org.apache.spark.sql.catalyst.expressions.StringTrimLeft;
import org.apache.spark.sql.catalyst.expressions.StringTrimRight;
import org.apache.spark.sql.catalyst.expressions.Substring;
import org.apache.spark.sql.catalyst.expressions.Subtract;
import org.apache.spark.sql.catalyst.expressions.TimestampAdd;
import org.apache.spark.sql.catalyst.expressions.TimestampDiff;
import org.apache.spark.sql.catalyst.expressions.UnaryMinus;
import org.apache.spark.sql.catalyst.expressions.UnaryPositive;
import org.apache.spark.sql.catalyst.expressions.UnresolvedNamedLambdaVariable;
import org.apache.spark.sql.catalyst.parser.ParserInterface;

/**
 * Checks Spark SQL text before Spark evaluates it: the text is parsed by the session's own parser
 * (the one that will read it again, so both see the same tree) and every node of the tree must be
 * on an allow-list: column references, literals, the nodes the parser builds for SQL's operators
 * (comparison, AND/OR/NOT, arithmetic, IN lists, LIKE, CASE, CAST, IS [NOT] NULL, ...), lambdas,
 * and calls of the functions {@link SparkSqlAllowList} allows or the statement registered. Anything
 * else is refused: subqueries (which read any table or file path), stars, parameters, {@code
 * IDENTIFIER(...)}, window and aggregate calls, and functions not on the list, such as {@code
 * java_method} or {@code reflect}. Fail-closed: a node type the list does not know is refused.
 */
final class SparkSqlGuard {
  private static final Set<Class<?>> NODES =
      Set.of(
          UnresolvedAttribute.class,
          UnresolvedExtractValue.class,
          Literal.class,
          EqualTo.class,
          EqualNullSafe.class,
          LessThan.class,
          LessThanOrEqual.class,
          GreaterThan.class,
          GreaterThanOrEqual.class,
          And.class,
          Or.class,
          Not.class,
          Add.class,
          Subtract.class,
          Multiply.class,
          Divide.class,
          Remainder.class,
          IntegralDivide.class,
          UnaryMinus.class,
          UnaryPositive.class,
          BitwiseAnd.class,
          BitwiseOr.class,
          BitwiseXor.class,
          BitwiseNot.class,
          In.class,
          Like.class,
          ILike.class,
          RLike.class,
          LikeAny.class,
          NotLikeAny.class,
          LikeAll.class,
          NotLikeAll.class,
          IsNull.class,
          IsNotNull.class,
          CaseWhen.class,
          Cast.class,
          Concat.class,
          CreateNamedStruct.class,
          Substring.class,
          StringTrim.class,
          StringTrimLeft.class,
          StringTrimRight.class,
          StringLocate.class,
          Overlay.class,
          TimestampAdd.class,
          TimestampDiff.class,
          CurrentDate.class,
          CurrentTimestamp.class,
          LambdaFunction.class,
          UnresolvedNamedLambdaVariable.class);

  /** {@code IS [NOT] UNKNOWN} is an anonymous class of these factories. */
  private static final List<String> ANONYMOUS_NODE_PREFIXES =
      List.of(
          "org.apache.spark.sql.catalyst.expressions.IsUnknown$",
          "org.apache.spark.sql.catalyst.expressions.IsNotUnknown$");

  private final ParserInterface parser;
  private final Set<String> registered;

  /** A guard using {@code spark}'s parser, allowing also the {@code registered} function names. */
  SparkSqlGuard(SparkSession spark, Set<String> registered) {
    this.parser = requireNonNull(spark, "spark").sessionState().sqlParser();
    this.registered = Set.copyOf(requireNonNull(registered, "registered"));
  }

  /**
   * Throws unless {@code text} is one allowed expression; {@code what} names it in the error
   * ("UPDATE condition", "CHECK constraint positive"). A null text (no condition) passes.
   */
  void check(String tablePath, String what, String text) {
    if (text == null) {
      return;
    }
    Optional<String> lexical = SparkSqlAllowList.textProblem(text);
    if (lexical.isPresent()) {
      throw DeltaErrors.expressionRefused(tablePath, what, text, lexical.get());
    }
    Expression tree;
    try {
      tree = parser.parseExpression(text);
    } catch (Exception e) { // ParseException is checked for javac, yet thrown undeclared
      String why =
          e instanceof org.apache.spark.sql.AnalysisException a
              ? a.getSimpleMessage()
              : e.toString();
      throw DeltaErrors.invalidDmlExpression(tablePath, what, text, why, e);
    }
    Optional<String> refused = refusal(tree);
    if (refused.isPresent()) {
      throw DeltaErrors.expressionRefused(tablePath, what, text, refused.get());
    }
  }

  /** Why the tree is refused (the first node that is not allowed), or empty. */
  private Optional<String> refusal(Expression e) {
    if (e instanceof UnresolvedFunction f) {
      List<String> name = scala.collection.JavaConverters.seqAsJavaList(f.nameParts());
      String shown = String.join(".", name);
      if (name.size() != 1 || !SparkSqlAllowList.allowsFunction(name.get(0), registered)) {
        return Optional.of("it calls " + shown + ", which is not an allowed function");
      }
      if (f.isDistinct() || f.filter().isDefined()) {
        return Optional.of("it calls " + shown + " with DISTINCT or FILTER, as an aggregate");
      }
    } else if (!NODES.contains(e.getClass()) && !anonymousAllowed(e.getClass())) {
      return Optional.of("it holds " + describe(e) + ", which is not allowed in an expression");
    }
    for (Expression c : scala.collection.JavaConverters.seqAsJavaList(e.children())) {
      Optional<String> r = refusal(c);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  private static boolean anonymousAllowed(Class<?> c) {
    return ANONYMOUS_NODE_PREFIXES.stream().anyMatch(p -> c.getName().startsWith(p));
  }

  private static String describe(Expression e) {
    if (e instanceof org.apache.spark.sql.catalyst.expressions.SubqueryExpression) {
      return "a subquery";
    }
    if (e instanceof org.apache.spark.sql.catalyst.analysis.Star) {
      return "a star (*)";
    }
    String name = e.getClass().getSimpleName();
    return "a " + (name.isEmpty() ? e.getClass().getName() : name) + " node";
  }
}
