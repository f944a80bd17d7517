package io.deltajdbc.tools.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection the server holds: whose it is, the warehouse it reads, the statements it
 * made (no other connection's statement can be reached through it) and when it was last used.
 */
final class Session {
  /** A statement's execution whose result is not complete yet. */
  static final class Execution {
    final StatementTables what;
    final String sql;
    final long startNanos;
    long rows;

    Execution(StatementTables what, String sql, long startNanos) {
      this.what = what;
      this.sql = sql;
      this.startNanos = startNanos;
    }
  }

  final String id;
  final CallerScope.Caller owner;
  final CatalogMeta meta;
  final boolean readOnly;

  /** Every statement id this connection's calls were given, metadata results too. */
  final Set<Integer> statements = ConcurrentHashMap.newKeySet();

  /** The statements the client created (createStatement, prepare): what the limit counts. */
  final Set<Integer> created = ConcurrentHashMap.newKeySet();

  /** The texts of prepared statements, by id. */
  final ConcurrentMap<Integer, String> prepared = new ConcurrentHashMap<>();

  /** Executions whose rows are still being fetched, by statement id. */
  final ConcurrentMap<Integer, Execution> running = new ConcurrentHashMap<>();

  /** Calls in progress on the connection: an idle sweep leaves it alone while one runs. */
  final AtomicInteger active = new AtomicInteger();

  private volatile long lastUsedNanos = System.nanoTime();

  Session(String id, CallerScope.Caller owner, CatalogMeta meta, boolean readOnly) {
    this.id = id;
    this.owner = owner;
    this.meta = meta;
    this.readOnly = readOnly;
  }

  String user() {
    return owner.user().name();
  }

  void touch() {
    lastUsedNanos = System.nanoTime();
  }

  long idleNanos(long now) {
    return now - lastUsedNanos;
  }

  /** The connection id as logged: its first 8 characters. */
  String shortId() {
    return id.length() > 8 ? id.substring(0, 8) : id;
  }
}
