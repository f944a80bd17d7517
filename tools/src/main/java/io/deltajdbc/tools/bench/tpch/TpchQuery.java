package io.deltajdbc.tools.bench.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the 22 TPC-H queries with the specification's validation parameters, as the {@code
 * io.trino.tpch} artifact ships them ({@code io/trino/tpch/queries/qN.sql}), in SQL both Spark and
 * the driver read: tables by their bare names, Q15's view as a {@code WITH} clause, Q6's decimals
 * as plain numbers.
 */
public record TpchQuery(int number, String sql) {
  /**
   * Presto's typed decimal literal ({@code decimal '0.06'}), which Spark does not take: the
   * specification's plain number.
   */
  private static final Pattern DECIMAL_LITERAL = Pattern.compile("(?i)decimal\\s*'([0-9.]+)'");

  private static final Pattern VIEW =
      Pattern.compile(
          "(?is)\\s*CREATE\\s+OR\\s+REPLACE\\s+VIEW\\s+(\\w+)\\s+AS\\s+(.*?);\\s*(SELECT.*)");

  public String name() {
    return "TPC-H Q" + number;
  }

  /** The 22 queries, Q1 first. */
  public static List<TpchQuery> all() {
    List<TpchQuery> out = new ArrayList<>();
    for (int i = 1; i <= 22; i++) {
      out.add(new TpchQuery(i, text(i)));
    }
    return List.copyOf(out);
  }

  private static String text(int number) {
    String resource = "io/trino/tpch/queries/q" + number + ".sql";
    String sql;
    try (InputStream in = TpchQuery.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The TPC-H query " + resource + " is not on the class path");
      }
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder lines = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.strip().startsWith("--")) {
        lines.append(line).append('\n');
      }
    }
    String body = DECIMAL_LITERAL.matcher(lines.toString().strip()).replaceAll("$1");
    Matcher view = VIEW.matcher(body);
    if (view.matches()) {
      body =
          "WITH " + view.group(1) + " AS (" + view.group(2).strip() + ")\n" + view.group(3).strip();
    }
    return body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
  }
}
