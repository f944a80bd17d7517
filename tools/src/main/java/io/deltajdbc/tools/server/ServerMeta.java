package io.deltajdbc.tools.server;

import io.deltajdbc.tools.server.users.Access;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The one place that decides what a caller may do, in front of the {@link CatalogMeta} of each
 * served warehouse. A connection belongs to the user who opened it: another user's calls on it, or
 * on a statement id the connection was not given, are answered as if it did not exist. Opening a
 * connection checks the client's properties ({@link ClientProperties}), the catalog and the user's
 * right to it, and the connection limits; a read-only user's connections are read-only and stay so.
 * Frames are cut to {@link ServerLimits#maxRowsPerFetch}, statements per connection are counted,
 * idle connections are closed. Driver errors reach the client with the driver's SQLState. Each
 * statement is logged when its result is complete ({@link AccessLog}).
 */
final class ServerMeta implements ProtobufMeta, AutoCloseable {
  private final Map<String, CatalogMeta> catalogs;
  private final String defaultCatalog;
  private final ServerLimits limits;
  private final AccessLog log;
  private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;
  private volatile boolean stopping;

  ServerMeta(List<CatalogMeta> served, ServerLimits limits, AccessLog log) {
    Map<String, CatalogMeta> byName = new LinkedHashMap<>();
    served.forEach(m -> byName.put(m.catalog().name(), m));
    this.catalogs = Collections.unmodifiableMap(byName);
    this.defaultCatalog = served.get(0).catalog().name();
    this.limits = limits;
    this.log = log;
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "delta-server-idle-sweeper");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1_000, Math.min(30_000, limits.idleTimeout().toMillis() / 4));
    sweeper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
  }

  /** Connections open now. */
  int connections() {
    return sessions.size();
  }

  // ---- connections

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    CallerScope.Caller caller = CallerScope.current();
    String user = caller.user().name();
    Session s;
    try {
      if (stopping) {
        throw ServerErrors.stopping();
      }
      ClientProperties props = ClientProperties.of(info);
      String name = props.catalog().or(RequestGate::pathCatalog).orElse(defaultCatalog);
      CatalogMeta meta = catalogs.get(name);
      if (meta == null) {
        throw ServerErrors.unknownCatalog(name, catalogs.keySet());
      }
      if (!caller.user().mayUse(name)) {
        throw ServerErrors.catalogDenied(user, name);
      }
      s = new Session(ch.id, caller, meta, caller.user().access() == Access.READ_ONLY);
      reserve(s);
      try {
        meta.openConnection(ch, null);
        ConnectionPropertiesImpl p = new ConnectionPropertiesImpl();
        if (s.readOnly || props.readOnly()) {
          p.setReadOnly(true);
        }
        props.schema().ifPresent(p::setSchema);
        if (p.isDirty()) {
          meta.connectionSync(ch, p);
        }
      } catch (RuntimeException e) {
        sessions.remove(ch.id);
        closeQuietly(meta, ch.id);
        throw e;
      }
    } catch (RuntimeException e) {
      RuntimeException t = translated(e);
      log.connection("open", user, caller.remoteAddress(), shortId(ch.id), null, state(t));
      throw t;
    }
    log.connection(
        "open",
        user,
        caller.remoteAddress(),
        s.shortId(),
        "catalog=" + s.meta.catalog().name(),
        null);
  }

  /** Takes a place for {@code s} under the limits, or refuses. */
  private synchronized void reserve(Session s) {
    if (sessions.size() >= limits.maxConnections()) {
      throw ServerErrors.tooManyConnections(s.user(), limits.maxConnections(), false);
    }
    long mine = sessions.values().stream().filter(x -> x.user().equals(s.user())).count();
    if (mine >= limits.maxConnectionsPerUser()) {
      throw ServerErrors.tooManyConnections(s.user(), limits.maxConnectionsPerUser(), true);
    }
    if (sessions.putIfAbsent(s.id, s) != null) {
      throw new NoSuchConnectionException("Connection " + s.shortId() + " exists already");
    }
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    Session s = sessions.get(ch.id);
    if (s == null || !mine(s)) {
      return; // closing what is not there, or not the caller's, changes nothing
    }
    sessions.remove(ch.id);
    s.running.keySet().forEach(id -> finish(s, id, "closed", null));
    try {
      s.meta.closeConnection(ch);
    } catch (RuntimeException e) {
      throw translated(e);
    } finally {
      log.connection("close", s.user(), s.owner.remoteAddress(), s.shortId(), null, null);
    }
  }

  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    try (Use u = use(ch.id)) {
      if (u.s.readOnly && Boolean.FALSE.equals(props.isReadOnly())) {
        throw ServerErrors.readOnlyUser(u.s.user());
      }
      return u.s.meta.connectionSync(ch, props);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public void commit(ConnectionHandle ch) {
    try (Use u = use(ch.id)) {
      u.s.meta.commit(ch);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    try (Use u = use(ch.id)) {
      u.s.meta.rollback(ch);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    try (Use u = use(ch.id)) {
      return u.s.meta.getDatabaseProperties(ch);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  // ---- statements

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    try (Use u = use(ch.id)) {
      countStatement(u.s);
      StatementHandle h = u.s.meta.createStatement(ch);
      created(u.s, h.id);
      return h;
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    try (Use u = use(ch.id)) {
      countStatement(u.s);
      StatementHandle h = u.s.meta.prepare(ch, sql, maxRowCount);
      created(u.s, h.id);
      u.s.prepared.put(h.id, sql);
      return WireSignatures.forClient(h);
    } catch (RuntimeException e) {
      RuntimeException t = translated(e);
      logFailure(ch.id, -1, sql, t);
      throw t;
    }
  }

  private void countStatement(Session s) {
    if (s.created.size() >= limits.maxStatementsPerConnection()) {
      throw ServerErrors.tooManyStatements(s.shortId(), limits.maxStatementsPerConnection());
    }
  }

  private static void created(Session s, int id) {
    s.created.add(id);
    s.statements.add(id);
  }

  @Override
  public void closeStatement(StatementHandle h) {
    Session s = sessions.get(h.connectionId);
    if (s == null || !mine(s) || !s.statements.contains(h.id)) {
      return;
    }
    finish(s, h.id, "closed", null);
    try {
      s.meta.closeStatement(h);
    } catch (RuntimeException e) {
      throw translated(e);
    } finally {
      s.statements.remove(h.id);
      s.created.remove(h.id);
      s.prepared.remove(h.id);
    }
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult prepareAndExecute(
      StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
      throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle h,
      String sql,
      long maxRowCount,
      int maxRowsInFirstFrame,
      PrepareCallback callback)
      throws NoSuchStatementException {
    return running(
        h,
        sql,
        m -> m.prepareAndExecute(h, sql, maxRowCount, frame(maxRowsInFirstFrame), callback),
        this::executed);
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult execute(
      StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, parameterValues, -1);
  }

  @Override
  public ExecuteResult execute(
      StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    return running(
        h, null, m -> m.execute(h, parameterValues, frame(maxRowsInFirstFrame)), this::executed);
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    return running(
        h,
        sqlCommands.isEmpty() ? null : sqlCommands.get(0),
        m -> m.prepareAndExecuteBatch(h, sqlCommands),
        this::batched);
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    return running(h, null, m -> m.executeBatch(h, parameterValues), this::batched);
  }

  @Override
  public ExecuteBatchResult executeBatchProtobuf(
      StatementHandle h, List<Requests.UpdateBatch> parameterValues)
      throws NoSuchStatementException {
    return running(h, null, m -> m.executeBatchProtobuf(h, parameterValues), this::batched);
  }

  /** An execution on one statement of a session, against its catalog's meta. */
  @FunctionalInterface
  private interface StatementCall<R> {
    R run(CatalogMeta meta) throws NoSuchStatementException;
  }

  /** What an execution's result tells the session (rows, outcome) and the client gets. */
  @FunctionalInterface
  private interface Completion<R> {
    R complete(Session s, int id, Session.Execution ex, R result);
  }

  /**
   * Runs {@code call} on statement {@code h} as one logged execution of {@code sql} (the
   * statement's prepared text when null); a failure is logged with its SQLState and translated.
   */
  private <R> R running(StatementHandle h, String sql, StatementCall<R> call, Completion<R> done)
      throws NoSuchStatementException {
    try (Use u = useStatement(h)) {
      Session.Execution ex = begin(u.s, h.id, sql != null ? sql : u.s.prepared.get(h.id));
      try {
        return done.complete(u.s, h.id, ex, call.run(u.s.meta));
      } catch (RuntimeException e) {
        u.s.running.put(h.id, ex);
        throw failed(u.s, h.id, e);
      }
    }
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    try (Use u = useStatement(h)) {
      try {
        Frame f = u.s.meta.fetch(h, offset, frame(fetchMaxRowCount));
        Session.Execution ex = u.s.running.get(h.id);
        if (ex != null) {
          ex.rows += rows(f);
          if (f.done) {
            finish(u.s, h.id, "ok", null);
          }
        }
        return f;
      } catch (RuntimeException e) {
        throw failed(u.s, h.id, e);
      }
    }
  }

  @Override
  public boolean syncResults(StatementHandle h, QueryState state, long offset)
      throws NoSuchStatementException {
    try (Use u = useStatement(h)) {
      return u.s.meta.syncResults(h, state, offset);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public Iterable<Object> createIterable(
      StatementHandle h,
      QueryState state,
      Signature signature,
      List<TypedValue> parameterValues,
      Frame firstFrame) {
    try (Use u = use(h.connectionId)) {
      if (!u.s.statements.contains(h.id)) {
        throw new NoSuchConnectionException(h.connectionId);
      }
      return u.s.meta.createIterable(h, state, signature, parameterValues, firstFrame);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  // ---- metadata: each result is a statement of the connection

  /** A metadata call of one connection. */
  @FunctionalInterface
  private interface MetadataCall {
    MetaResultSet run(CatalogMeta meta);
  }

  private MetaResultSet metadata(ConnectionHandle ch, MetadataCall call) {
    try (Use u = use(ch.id)) {
      MetaResultSet r = call.run(u.s.meta);
      u.s.statements.add(r.statementId);
      return r;
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch, String catalog, Pat schema, Pat table, List<String> types) {
    return metadata(ch, m -> m.getTables(ch, catalog, schema, table, types));
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle ch, String catalog, Pat schema, Pat table, Pat column) {
    return metadata(ch, m -> m.getColumns(ch, catalog, schema, table, column));
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schema) {
    return metadata(ch, m -> m.getSchemas(ch, catalog, schema));
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return metadata(ch, m -> m.getCatalogs(ch));
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return metadata(ch, m -> m.getTableTypes(ch));
  }

  @Override
  public MetaResultSet getProcedures(ConnectionHandle ch, String catalog, Pat schema, Pat name) {
    return metadata(ch, m -> m.getProcedures(ch, catalog, schema, name));
  }

  @Override
  public MetaResultSet getProcedureColumns(
      ConnectionHandle ch, String catalog, Pat schema, Pat procedure, Pat column) {
    return metadata(ch, m -> m.getProcedureColumns(ch, catalog, schema, procedure, column));
  }

  @Override
  public MetaResultSet getColumnPrivileges(
      ConnectionHandle ch, String catalog, String schema, String table, Pat column) {
    return metadata(ch, m -> m.getColumnPrivileges(ch, catalog, schema, table, column));
  }

  @Override
  public MetaResultSet getTablePrivileges(
      ConnectionHandle ch, String catalog, Pat schema, Pat table) {
    return metadata(ch, m -> m.getTablePrivileges(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getBestRowIdentifier(
      ConnectionHandle ch,
      String catalog,
      String schema,
      String table,
      int scope,
      boolean nullable) {
    return metadata(ch, m -> m.getBestRowIdentifier(ch, catalog, schema, table, scope, nullable));
  }

  @Override
  public MetaResultSet getVersionColumns(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, m -> m.getVersionColumns(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getPrimaryKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, m -> m.getPrimaryKeys(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getImportedKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, m -> m.getImportedKeys(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getExportedKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, m -> m.getExportedKeys(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getCrossReference(
      ConnectionHandle ch,
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable) {
    return metadata(
        ch,
        m ->
            m.getCrossReference(
                ch,
                parentCatalog,
                parentSchema,
                parentTable,
                foreignCatalog,
                foreignSchema,
                foreignTable));
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return metadata(ch, m -> m.getTypeInfo(ch));
  }

  @Override
  public MetaResultSet getIndexInfo(
      ConnectionHandle ch,
      String catalog,
      String schema,
      String table,
      boolean unique,
      boolean approximate) {
    return metadata(ch, m -> m.getIndexInfo(ch, catalog, schema, table, unique, approximate));
  }

  @Override
  public MetaResultSet getUDTs(
      ConnectionHandle ch, String catalog, Pat schema, Pat type, int[] types) {
    return metadata(ch, m -> m.getUDTs(ch, catalog, schema, type, types));
  }

  @Override
  public MetaResultSet getSuperTypes(ConnectionHandle ch, String catalog, Pat schema, Pat type) {
    return metadata(ch, m -> m.getSuperTypes(ch, catalog, schema, type));
  }

  @Override
  public MetaResultSet getSuperTables(ConnectionHandle ch, String catalog, Pat schema, Pat table) {
    return metadata(ch, m -> m.getSuperTables(ch, catalog, schema, table));
  }

  @Override
  public MetaResultSet getAttributes(
      ConnectionHandle ch, String catalog, Pat schema, Pat type, Pat attribute) {
    return metadata(ch, m -> m.getAttributes(ch, catalog, schema, type, attribute));
  }

  @Override
  public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
    return metadata(ch, m -> m.getClientInfoProperties(ch));
  }

  @Override
  public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schema, Pat name) {
    return metadata(ch, m -> m.getFunctions(ch, catalog, schema, name));
  }

  @Override
  public MetaResultSet getFunctionColumns(
      ConnectionHandle ch, String catalog, Pat schema, Pat function, Pat column) {
    return metadata(ch, m -> m.getFunctionColumns(ch, catalog, schema, function, column));
  }

  @Override
  public MetaResultSet getPseudoColumns(
      ConnectionHandle ch, String catalog, Pat schema, Pat table, Pat column) {
    return metadata(ch, m -> m.getPseudoColumns(ch, catalog, schema, table, column));
  }

  // ---- ownership

  /** A call in progress on a session: idle sweeps leave it alone until it ends. */
  private final class Use implements AutoCloseable {
    final Session s;

    Use(Session s) {
      this.s = s;
      s.active.incrementAndGet();
      s.touch();
    }

    @Override
    public void close() {
      s.touch();
      s.active.decrementAndGet();
    }
  }

  private boolean mine(Session s) {
    return s.user().equals(CallerScope.current().user().name());
  }

  /** The caller's session {@code id}; another user's is answered as a missing one. */
  private Use use(String id) {
    Session s = sessions.get(id);
    if (s == null || !mine(s)) {
      throw new NoSuchConnectionException(id);
    }
    return new Use(s);
  }

  private Use useStatement(StatementHandle h) throws NoSuchStatementException {
    Use u = use(h.connectionId);
    if (!u.s.statements.contains(h.id)) {
      u.close();
      throw new NoSuchStatementException(h);
    }
    return u;
  }

  // ---- executions and the access log

  private int frame(int asked) {
    int max = limits.maxRowsPerFetch();
    return asked == JdbcMeta.UNLIMITED_COUNT || asked > max ? max : asked;
  }

  private Session.Execution begin(Session s, int id, String sql) {
    finish(s, id, "closed", null); // an earlier execution of the statement, not read to its end
    return new Session.Execution(StatementTables.of(sql), sql, System.nanoTime());
  }

  /**
   * An execution's first result: an update count ends it; a result set runs until its last frame is
   * fetched. The client gets the result with its temporal columns as the wire carries them.
   */
  private ExecuteResult executed(Session s, int id, Session.Execution ex, ExecuteResult r) {
    MetaResultSet first = r.resultSets.isEmpty() ? null : r.resultSets.get(0);
    s.running.put(id, ex);
    if (first == null || first.updateCount >= 0) {
      ex.rows = first == null ? 0 : first.updateCount;
      finish(s, id, "ok", null);
    } else {
      ex.rows = first.firstFrame == null ? 0 : rows(first.firstFrame);
      if (first.firstFrame != null && first.firstFrame.done) {
        finish(s, id, "ok", null);
      }
    }
    return WireSignatures.forClient(r);
  }

  private ExecuteBatchResult batched(
      Session s, int id, Session.Execution ex, ExecuteBatchResult r) {
    long sum = 0;
    for (long c : r.updateCounts) {
      sum += Math.max(c, 0);
    }
    ex.rows = sum;
    s.running.put(id, ex);
    finish(s, id, "ok", null);
    return r;
  }

  private RuntimeException failed(Session s, int id, RuntimeException e) {
    RuntimeException t = translated(e);
    Session.Execution ex = s.running.get(id);
    if (ex != null) {
      finish(s, id, "error", state(t));
    }
    return t;
  }

  private void logFailure(String connection, int id, String sql, RuntimeException t) {
    Session s = sessions.get(connection);
    if (s != null) {
      s.running.put(id, new Session.Execution(StatementTables.of(sql), sql, System.nanoTime()));
      finish(s, id, "error", state(t));
    }
  }

  /** Logs and forgets the running execution of statement {@code id}, if there is one. */
  private void finish(Session s, int id, String outcome, String sqlState) {
    Session.Execution ex = s.running.remove(id);
    if (ex == null) {
      return;
    }
    log.statement(
        new AccessLog.Statement(
            s.user(),
            s.owner.remoteAddress(),
            s.shortId(),
            id,
            ex.what.kind(),
            ex.what.tables(),
            ex.sql,
            (System.nanoTime() - ex.startNanos) / 1_000,
            ex.rows,
            outcome,
            sqlState));
  }

  private static long rows(Frame f) {
    if (f.rows instanceof Collection<?> c) {
      return c.size();
    }
    long n = 0;
    for (Object ignored : f.rows) {
      n++;
    }
    return n;
  }

  private static String state(RuntimeException t) {
    return t instanceof AvaticaRuntimeException a ? a.getSqlState() : null;
  }

  private static String shortId(String id) {
    return id.length() > 8 ? id.substring(0, 8) : id;
  }

  /**
   * A driver's {@code SQLException} (which {@code JdbcMeta} wraps) as an error with its SQLState;
   * Avatica's own signals (a missing connection or statement) as they are.
   */
  static RuntimeException translated(RuntimeException e) {
    if (e instanceof AvaticaRuntimeException || e instanceof NoSuchConnectionException) {
      return e;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return ServerErrors.fromDriver(s);
      }
      if (t instanceof AvaticaRuntimeException a) {
        return a;
      }
    }
    return ServerErrors.internal(e);
  }

  // ---- idle connections and shutdown

  private void closeIdle() {
    long now = System.nanoTime();
    long limit = limits.idleTimeout().toNanos();
    for (Session s : sessions.values()) {
      if (s.active.get() == 0 && s.idleNanos(now) > limit) {
        if (sessions.remove(s.id, s)) {
          s.running.keySet().forEach(id -> finish(s, id, "closed", null));
          closeQuietly(s.meta, s.id);
          log.connection(
              "idle-close",
              s.user(),
              s.owner.remoteAddress(),
              s.shortId(),
              "idle over " + limits.idleTimeout(),
              null);
        }
      }
    }
  }

  private static void closeQuietly(CatalogMeta meta, String id) {
    try {
      meta.closeConnection(new ConnectionHandle(id));
    } catch (RuntimeException e) {
      // the connection is gone either way
    }
  }

  /** Refuses new connections from now on. */
  void stopAccepting() {
    stopping = true;
  }

  /** Closes every connection (and with them their statements and scans). */
  @Override
  public void close() {
    stopping = true;
    sweeper.shutdownNow();
    for (Session s : sessions.values()) {
      sessions.remove(s.id);
      s.running.keySet().forEach(id -> finish(s, id, "closed", null));
      closeQuietly(s.meta, s.id);
      log.connection("close", s.user(), s.owner.remoteAddress(), s.shortId(), "shutdown", null);
    }
  }
}
