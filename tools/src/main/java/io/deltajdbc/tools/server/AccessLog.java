package io.deltajdbc.tools.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * The access log: one JSON object per line for each statement the server ran (user, connection,
 * statement id, kind, tables, duration, rows, outcome and SQLState), each connection opened or
 * closed, and each request refused before it reached a statement (authentication, limits). It never
 * holds a password or a parameter value; statement texts only with {@code --log-sql}.
 */
final class AccessLog implements Closeable {
  /**
   * One statement's execution, logged when its result is complete.
   *
   * @param user who ran it
   * @param remote the client's address
   * @param connection the connection id
   * @param statement the statement id
   * @param kind the statement's kind (SELECT, INSERT, UPDATE, ...)
   * @param tables the tables it names
   * @param sql its text (only logged with {@code --log-sql})
   * @param micros from execution to its last row
   * @param rows rows sent, or rows changed
   * @param outcome {@code ok}, {@code error}, {@code closed} (before its last row)
   * @param sqlState the error's SQLState, or null
   */
  record Statement(
      String user,
      String remote,
      String connection,
      int statement,
      String kind,
      List<String> tables,
      String sql,
      long micros,
      long rows,
      String outcome,
      String sqlState) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Writer out;
  private final boolean logSql;
  private final boolean closeOut;

  private AccessLog(Writer out, boolean logSql, boolean closeOut) {
    this.out = out;
    this.logSql = logSql;
    this.closeOut = closeOut;
  }

  /** The log on {@code target}: a file (appended to) or {@code -} for standard output. */
  static AccessLog open(String target, boolean logSql, PrintStream stdout) throws IOException {
    if (target.equals("-")) {
      return new AccessLog(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), logSql, false);
    }
    OutputStream file =
        Files.newOutputStream(
            Path.of(target), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new AccessLog(new OutputStreamWriter(file, StandardCharsets.UTF_8), logSql, true);
  }

  void statement(Statement s) {
    ObjectNode n = line("statement");
    n.put("user", s.user());
    n.put("remote", s.remote());
    n.put("connection", s.connection());
    n.put("statement", s.statement());
    n.put("kind", s.kind());
    s.tables().forEach(n.putArray("tables")::add);
    if (s.tables().isEmpty()) {
      n.putArray("tables");
    }
    if (logSql && s.sql() != null) {
      n.put("sql", s.sql());
    }
    n.put("ms", s.micros() / 1000.0);
    n.put("rows", s.rows());
    n.put("outcome", s.outcome());
    if (s.sqlState() != null) {
      n.put("sqlState", s.sqlState());
    }
    write(n);
  }

  /** A connection event: {@code open}, {@code close}, {@code idle-close}, or a refusal. */
  void connection(
      String event, String user, String remote, String connection, String detail, String state) {
    ObjectNode n = line(event);
    n.put("user", user);
    n.put("remote", remote);
    n.put("connection", connection);
    if (detail != null) {
      n.put("detail", detail);
    }
    if (state != null) {
      n.put("sqlState", state);
    }
    write(n);
  }

  /** An HTTP request refused before Avatica (authentication): status and the user it named. */
  void refused(int status, String user, String remote, String path) {
    ObjectNode n = line("refused");
    n.put("status", status);
    if (user != null) {
      n.put("user", user);
    }
    n.put("remote", remote);
    n.put("path", path);
    write(n);
  }

  private static ObjectNode line(String event) {
    ObjectNode n = JSON.createObjectNode();
    n.put("time", Instant.now().toString());
    n.put("event", event);
    return n;
  }

  private synchronized void write(ObjectNode n) {
    try {
      out.write(JSON.writeValueAsString(n));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      System.err.println("delta-server: cannot write the access log: " + e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.flush();
    if (closeOut) {
      out.close();
    }
  }
}
