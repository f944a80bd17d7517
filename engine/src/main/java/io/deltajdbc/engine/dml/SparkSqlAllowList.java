package io.deltajdbc.engine.dml;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What Spark SQL text from a statement or a table may use: the one allow-list of function names
 * shared by the guard that checks text before Spark evaluates it ({@code
 * io.deltajdbc.engine.spark.SparkSqlGuard}) and by the check of CHECK constraints where they enter
 * through SQL (the Calcite adapter, which has no Spark). Spark-free on purpose.
 *
 * <p>The functions are Spark 3.5's scalar built-ins on strings, numbers, dates and times, with
 * conditional, conversion, hashing, JSON/CSV, array, map and struct functions (including the
 * higher-order ones, whose lambdas are checked like any other expression). Left out, because they
 * reach the JVM, the file system, the network or the process's identity, or because they make no
 * sense in a row expression: {@code reflect}, {@code java_method}, {@code try_reflect}, the {@code
 * xpath*} family (an XML parser), {@code input_file_*}, {@code current_user}/{@code user}/ {@code
 * session_user}, {@code current_database}/{@code current_catalog}/{@code current_schema}, {@code
 * version}, {@code spark_partition_id}, {@code monotonically_increasing_id}, {@code aes_*},
 * aggregates, window functions, generators ({@code explode}, {@code stack}, {@code json_tuple},
 * ...), {@code sequence}, and any function qualified by a schema or catalog. A statement may allow
 * the functions it registered itself (DML compiled to UDFs) by name.
 */
public final class SparkSqlAllowList {
  /**
   * The prefix of the functions the engine registers for one statement (its compiled expressions).
   */
  public static final String STATEMENT_FUNCTION_PREFIX = "__deltajdbc_fn_";

  private static final Set<String> BUILTINS =
      Set.of(
          // conditional and null handling
          "coalesce",
          "if",
          "ifnull",
          "nvl",
          "nvl2",
          "nullif",
          "greatest",
          "least",
          "when",
          "in",
          "equal_null",
          "isnull",
          "isnotnull",
          "isnan",
          "nanvl",
          "not",
          "and",
          "or",
          "like",
          "ilike",
          "rlike",
          "regexp",
          "regexp_like",
          "raise_error",
          "assert_true",
          // conversion
          "cast",
          "bigint",
          "binary",
          "boolean",
          "date",
          "decimal",
          "double",
          "float",
          "int",
          "smallint",
          "string",
          "timestamp",
          "tinyint",
          "to_binary",
          "try_to_binary",
          "to_char",
          "to_varchar",
          "to_number",
          "try_to_number",
          "typeof",
          "hex",
          "unhex",
          "bin",
          "conv",
          "base64",
          "unbase64",
          "encode",
          "decode",
          // strings
          "ascii",
          "btrim",
          "char",
          "chr",
          "char_length",
          "character_length",
          "concat",
          "concat_ws",
          "contains",
          "elt",
          "endswith",
          "startswith",
          "find_in_set",
          "format_number",
          "format_string",
          "printf",
          "initcap",
          "instr",
          "lcase",
          "lower",
          "ucase",
          "upper",
          "left",
          "right",
          "len",
          "length",
          "bit_length",
          "octet_length",
          "levenshtein",
          "locate",
          "position",
          "lpad",
          "rpad",
          "ltrim",
          "rtrim",
          "trim",
          "luhn_check",
          "mask",
          "overlay",
          "regexp_count",
          "regexp_extract",
          "regexp_extract_all",
          "regexp_instr",
          "regexp_replace",
          "regexp_substr",
          "repeat",
          "replace",
          "reverse",
          "sentences",
          "soundex",
          "space",
          "split",
          "split_part",
          "substr",
          "substring",
          "substring_index",
          "translate",
          "url_decode",
          "url_encode",
          "parse_url",
          "str_to_map",
          // numbers
          "abs",
          "acos",
          "acosh",
          "asin",
          "asinh",
          "atan",
          "atan2",
          "atanh",
          "bit_count",
          "bit_get",
          "getbit",
          "bround",
          "cbrt",
          "ceil",
          "ceiling",
          "cos",
          "cosh",
          "cot",
          "csc",
          "degrees",
          "div",
          "e",
          "exp",
          "expm1",
          "factorial",
          "floor",
          "hypot",
          "ln",
          "log",
          "log10",
          "log1p",
          "log2",
          "mod",
          "negative",
          "pi",
          "pmod",
          "positive",
          "pow",
          "power",
          "radians",
          "rand",
          "randn",
          "random",
          "rint",
          "round",
          "sec",
          "shiftleft",
          "shiftright",
          "shiftrightunsigned",
          "sign",
          "signum",
          "sin",
          "sinh",
          "sqrt",
          "tan",
          "tanh",
          "try_add",
          "try_divide",
          "try_multiply",
          "try_subtract",
          "width_bucket",
          "uuid",
          // dates and times
          "add_months",
          "convert_timezone",
          "curdate",
          "current_date",
          "current_timestamp",
          "current_timezone",
          "now",
          "localtimestamp",
          "date_add",
          "date_diff",
          "date_format",
          "date_from_unix_date",
          "date_part",
          "date_sub",
          "date_trunc",
          "dateadd",
          "datediff",
          "datepart",
          "day",
          "dayofmonth",
          "dayofweek",
          "dayofyear",
          "extract",
          "from_unixtime",
          "from_utc_timestamp",
          "hour",
          "last_day",
          "make_date",
          "make_dt_interval",
          "make_interval",
          "make_timestamp",
          "make_timestamp_ltz",
          "make_timestamp_ntz",
          "make_ym_interval",
          "minute",
          "month",
          "months_between",
          "next_day",
          "quarter",
          "second",
          "timestamp_micros",
          "timestamp_millis",
          "timestamp_seconds",
          "to_date",
          "to_timestamp",
          "to_timestamp_ltz",
          "to_timestamp_ntz",
          "try_to_timestamp",
          "to_unix_timestamp",
          "to_utc_timestamp",
          "trunc",
          "unix_date",
          "unix_micros",
          "unix_millis",
          "unix_seconds",
          "unix_timestamp",
          "weekday",
          "weekofyear",
          "year",
          "timestampadd",
          "timestampdiff",
          // hashing
          "crc32",
          "hash",
          "md5",
          "sha",
          "sha1",
          "sha2",
          "xxhash64",
          // JSON and CSV values
          "from_json",
          "to_json",
          "get_json_object",
          "json_array_length",
          "json_object_keys",
          "schema_of_json",
          "from_csv",
          "to_csv",
          "schema_of_csv",
          // arrays, maps, structs (higher-order ones take lambdas, checked like any expression)
          "array",
          "array_append",
          "array_compact",
          "array_contains",
          "array_distinct",
          "array_except",
          "array_insert",
          "array_intersect",
          "array_join",
          "array_max",
          "array_min",
          "array_position",
          "array_prepend",
          "array_remove",
          "array_repeat",
          "array_size",
          "array_sort",
          "array_union",
          "arrays_overlap",
          "arrays_zip",
          "cardinality",
          "element_at",
          "try_element_at",
          "flatten",
          "get",
          "shuffle",
          "size",
          "slice",
          "sort_array",
          "aggregate",
          "reduce",
          "exists",
          "filter",
          "forall",
          "transform",
          "zip_with",
          "map",
          "map_concat",
          "map_contains_key",
          "map_entries",
          "map_filter",
          "map_from_arrays",
          "map_from_entries",
          "map_keys",
          "map_values",
          "map_zip_with",
          "transform_keys",
          "transform_values",
          "named_struct",
          "struct");

  /**
   * Built-ins that reach the JVM, the file system or an XML parser: removed from the function
   * registry of the session the engine runs DML on, so that not even a text the guard missed can
   * call them. ({@code try_reflect} is Spark 4's; dropping an absent name is a no-op.)
   */
  private static final Set<String> SESSION_REMOVED =
      Set.of(
          "reflect",
          "java_method",
          "try_reflect",
          "xpath",
          "xpath_boolean",
          "xpath_double",
          "xpath_float",
          "xpath_int",
          "xpath_long",
          "xpath_number",
          "xpath_short",
          "xpath_string");

  private SparkSqlAllowList() {}

  /** The built-in Spark function names allowed in expression text, lower case. */
  public static Set<String> builtinFunctions() {
    return BUILTINS;
  }

  /** The built-in functions the engine's DML session does not have at all. */
  public static Set<String> sessionRemovedFunctions() {
    return SESSION_REMOVED;
  }

  /**
   * Whether an unqualified function name may be called: a built-in on the list, or one of {@code
   * registered} (the functions the statement registered itself; compared ignoring case).
   */
  public static boolean allowsFunction(String name, Set<String> registered) {
    requireNonNull(name, "name");
    requireNonNull(registered, "registered");
    String lower = name.toLowerCase(Locale.ROOT);
    if (BUILTINS.contains(lower)) {
      return true;
    }
    for (String r : registered) {
      if (r.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why the text must be refused before it is even parsed, or empty: a comment, or a quote left
   * open ({@link SparkSqlTokens}). The engine splices texts into larger expressions, and each one
   * must mean alone what it means there.
   */
  public static Optional<String> textProblem(String text) {
    requireNonNull(text, "text");
    return SparkSqlTokens.problem(text);
  }
}
