<#--
  Delta's and Spark's statements on top of Calcite's grammar: CREATE [OR REPLACE] TABLE (with
  columns, AS a query or SHALLOW CLONE of a table, USING, PARTITIONED BY, LOCATION, COMMENT, TBLPROPERTIES), DROP TABLE, TRUNCATE TABLE,
  ALTER TABLE (ADD COLUMNS, SET/UNSET TBLPROPERTIES, ADD/DROP CONSTRAINT ... CHECK) and
  INSERT OVERWRITE [TABLE] t [PARTITION (p = v, ...)], MERGE, Spark's SHOW ... and DESCRIBE ... statements.
  Column types take Spark's and Delta's names
  (STRING, BIGINT, ARRAY<...>, MAP<...>, STRUCT<name: type, ...>) as well as SQL's.
-->

boolean DeltaIfNotExists() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean DeltaIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

SqlCreate SqlCreateDeltaTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    SqlNodeList columns = null;
    SqlIdentifier format = null;
    SqlNodeList partitionedBy = null;
    SqlNode location = null;
    SqlNode comment = null;
    SqlNodeList properties = null;
    SqlNode query = null;
    SqlIdentifier clone = null;
}
{
    <TABLE> ifNotExists = DeltaIfNotExists() id = CompoundIdentifier()
    [ <SHALLOW> <CLONE> clone = CompoundIdentifier() ]
    [ columns = DeltaColumnList() ]
    (
        <USING> format = SimpleIdentifier()
    |
        <PARTITIONED> <BY> partitionedBy = ParenthesizedSimpleIdentifierList()
    |
        <LOCATION> location = StringLiteral()
    |
        <COMMENT> comment = StringLiteral()
    |
        <TBLPROPERTIES> properties = DeltaPropertyList()
    )*
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return new SqlCreateDeltaTable(s.end(this), replace, ifNotExists, id, columns, format,
            partitionedBy, location, comment, properties, query, clone);
    }
}

SqlNodeList DeltaColumnList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode c;
}
{
    <LPAREN> { s = span(); }
    c = DeltaColumn() { list.add(c); }
    ( <COMMA> c = DeltaColumn() { list.add(c); } )*
    <RPAREN> { return new SqlNodeList(list, s.end(this)); }
}

SqlNode DeltaColumn() :
{
    final SqlIdentifier name;
    final DataType type;
    boolean nullable = true;
    SqlNode comment = null;
}
{
    name = SimpleIdentifier()
    type = DeltaType()
    (
        <NOT> <NULL> { nullable = false; }
    |
        <NULL> { nullable = true; }
    |
        <COMMENT> comment = StringLiteral()
    )*
    { return new SqlDeltaColumn(name.getParserPosition().plus(getPos()), name, type, nullable, comment); }
}

/** A column type by Delta's, Spark's or SQL's name. */
DataType DeltaType() :
{
    final DataType element;
    final DataType key;
    final DataType value;
    final List<StructField> fields = new ArrayList<StructField>();
    final SqlIdentifier name;
    int precision = -1;
    int scale = -1;
}
{
    (
        <ARRAY> <LT> element = DeltaType() <GT> { return new ArrayType(element, true); }
    |
        LOOKAHEAD(2) <MAP> <LT> key = DeltaType() <COMMA> value = DeltaType() <GT> { return new MapType(key, value, true); }
    |
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER && getToken(1).image.equalsIgnoreCase("STRUCT")
            && getToken(2).kind == LT })
        <IDENTIFIER> <LT>
        [ DeltaStructField(fields) ( <COMMA> DeltaStructField(fields) )* ]
        <GT> { return new StructType(fields); }
    |
        name = DeltaTypeName()
        [
            <LPAREN> precision = UnsignedIntLiteral()
            [ <COMMA> scale = UnsignedIntLiteral() ]
            <RPAREN>
        ]
        { return DeltaTypeNames.primitive(name.getSimple(), precision, scale, name.getParserPosition()); }
    )
}

void DeltaStructField(List<StructField> fields) :
{
    final SqlIdentifier name;
    final DataType type;
    boolean nullable = true;
    SqlNode comment = null;
}
{
    name = SimpleIdentifier() [ <COLON> ] type = DeltaType()
    [ <NOT> <NULL> { nullable = false; } ]
    [ <COMMENT> comment = StringLiteral() ]
    { fields.add(DeltaTypeNames.field(name.getSimple(), type, nullable, comment)); }
}

SqlIdentifier DeltaTypeName() :
{
    final SqlIdentifier id;
}
{
    (
        <BINARY> | <BOOLEAN> | <DATE> | <TIMESTAMP> | <DECIMAL> | <DEC> | <NUMERIC> | <DOUBLE>
        | <FLOAT> | <REAL> | <INTEGER> | <INT> | <BIGINT> | <SMALLINT> | <TINYINT> | <CHAR>
        | <CHARACTER> | <VARCHAR> | <VARBINARY>
    )
    { return new SqlIdentifier(token.image.toUpperCase(Locale.ROOT), getPos()); }
|
    id = SimpleIdentifier() { return id; }
}

/** {@code ('key' = 'value', ...)}; keys may be dotted names, values any literal. */
SqlNodeList DeltaPropertyList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    [ DeltaProperty(list) ( <COMMA> DeltaProperty(list) )* ]
    <RPAREN> { return new SqlNodeList(list, s.end(this)); }
}

void DeltaProperty(List<SqlNode> list) :
{
    final SqlNode key;
    final SqlNode value;
}
{
    ( key = StringLiteral() | key = CompoundIdentifier() )
    [ <EQ> ]
    value = Literal()
    { list.add(key); list.add(value); }
}

/** {@code ('key', ...)}: the keys of UNSET TBLPROPERTIES. */
SqlNodeList DeltaPropertyKeyList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode key;
}
{
    <LPAREN> { s = span(); }
    ( key = StringLiteral() | key = CompoundIdentifier() ) { list.add(key); }
    ( <COMMA> ( key = StringLiteral() | key = CompoundIdentifier() ) { list.add(key); } )*
    <RPAREN> { return new SqlNodeList(list, s.end(this)); }
}

SqlDrop SqlDropDeltaTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <TABLE> ifExists = DeltaIfExists() id = CompoundIdentifier()
    { return new SqlDropDeltaTable(s.end(this), ifExists, id); }
}

SqlTruncate SqlTruncateDeltaTable(Span s) :
{
    final SqlIdentifier id;
}
{
    <TABLE> id = CompoundIdentifier()
    { return new SqlTruncateDeltaTable(s.end(this), id); }
}

SqlNode SqlAlterDeltaTable() :
{
    final Span s;
    final SqlIdentifier id;
    final SqlNodeList columns;
    final SqlNode column;
    final SqlNodeList properties;
    final SqlIdentifier name;
    final SqlNode check;
    boolean ifExists = false;
}
{
    <ALTER> { s = span(); } <TABLE> id = CompoundIdentifier()
    (
        <ADD>
        (
            <COLUMNS> columns = DeltaColumnList()
            { return SqlAlterDeltaTable.addColumns(s.end(this), id, columns); }
        |
            <COLUMN> column = DeltaColumn()
            { return SqlAlterDeltaTable.addColumns(s.end(this), id, SqlNodeList.of(column)); }
        |
            <CONSTRAINT> name = SimpleIdentifier()
            <CHECK> <LPAREN> check = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN>
            { return SqlAlterDeltaTable.addConstraint(s.end(this), id, name, check); }
        )
    |
        <DROP> <CONSTRAINT> ifExists = DeltaIfExists() name = SimpleIdentifier()
        { return SqlAlterDeltaTable.dropConstraint(s.end(this), id, name, ifExists); }
    |
        <SET> <TBLPROPERTIES> properties = DeltaPropertyList()
        { return SqlAlterDeltaTable.setProperties(s.end(this), id, properties); }
    |
        LOOKAHEAD({ getToken(1).kind == IDENTIFIER && getToken(1).image.equalsIgnoreCase("UNSET") })
        <IDENTIFIER> <TBLPROPERTIES> ifExists = DeltaIfExists() properties = DeltaPropertyKeyList()
        { return SqlAlterDeltaTable.unsetProperties(s.end(this), id, properties, ifExists); }
    )
}

/** {@code INSERT OVERWRITE [TABLE] t [PARTITION (p = v, ...)] [(columns)] query}. */
SqlNode SqlInsertOverwrite() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList partition = null;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    <INSERT> { s = span(); } <OVERWRITE> [ <TABLE> ] table = CompoundTableIdentifier()
    [ <PARTITION> partition = DeltaPropertyList() ]
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    { return new SqlDeltaInsert(s.end(source), table, columns, source, partition); }
}

/**
 * Delta's MERGE: {@code MERGE INTO target [[AS] t] USING source ON cond} followed by clauses
 * {@code WHEN MATCHED [AND cond] THEN UPDATE SET c = e, ... | UPDATE SET * | DELETE} and
 * {@code WHEN NOT MATCHED [AND cond] THEN INSERT [(c, ...)] VALUES (e, ...) | INSERT *}, in order.
 */
SqlNode SqlDeltaMerge() :
{
    final Span s;
    final SqlIdentifier target;
    SqlIdentifier targetAlias = null;
    final SqlNode source;
    final SqlNode on;
    final List<SqlNode> clauses = new ArrayList<SqlNode>();
    SqlNode clause;
}
{
    <MERGE> { s = span(); } <INTO> target = CompoundTableIdentifier()
    [ [ <AS> ] targetAlias = SimpleIdentifier() ]
    <USING> source = TableRef()
    <ON> on = Expression(ExprContext.ACCEPT_SUB_QUERY)
    ( clause = DeltaMergeClause() { clauses.add(clause); } )+
    {
        return new SqlDeltaMerge(s.end(this), target, targetAlias, source, on,
            new SqlNodeList(clauses, s.end(this)));
    }
}

SqlNode DeltaMergeClause() :
{
    final Span s;
    SqlNode condition = null;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> values = new ArrayList<SqlNode>();
    SqlIdentifier column;
    SqlNode value;
}
{
    <WHEN> { s = span(); }
    (
        <MATCHED> [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ] <THEN>
        (
            <DELETE> { return SqlDeltaMerge.Clause.delete(s.end(this), condition); }
        |
            <UPDATE> <SET>
            (
                <STAR> { return SqlDeltaMerge.Clause.updateAll(s.end(this), condition); }
            |
                column = CompoundIdentifier() <EQ> value = Expression(ExprContext.ACCEPT_SUB_QUERY)
                { columns.add(column); values.add(value); }
                (
                    <COMMA> column = CompoundIdentifier() <EQ> value = Expression(ExprContext.ACCEPT_SUB_QUERY)
                    { columns.add(column); values.add(value); }
                )*
                { return SqlDeltaMerge.Clause.update(s.end(this), condition, columns, values); }
            )
        )
    |
        <NOT> <MATCHED> [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ] <THEN> <INSERT>
        (
            <STAR> { return SqlDeltaMerge.Clause.insertAll(s.end(this), condition); }
        |
            [
                <LPAREN> column = CompoundIdentifier() { columns.add(column); }
                ( <COMMA> column = CompoundIdentifier() { columns.add(column); } )*
                <RPAREN>
            ]
            <VALUES> <LPAREN> value = Expression(ExprContext.ACCEPT_SUB_QUERY) { values.add(value); }
            ( <COMMA> value = Expression(ExprContext.ACCEPT_SUB_QUERY) { values.add(value); } )*
            <RPAREN>
            { return SqlDeltaMerge.Clause.insert(s.end(this), condition, columns, values); }
        )
    )
}

/**
 * Spark's catalog statements: {@code SHOW TABLES [IN|FROM schema] [[LIKE] 'pattern']},
 * {@code SHOW SCHEMAS|DATABASES [[LIKE] 'pattern']}, {@code SHOW COLUMNS IN|FROM t [IN|FROM schema]},
 * {@code SHOW TBLPROPERTIES t [('key')]} and {@code SHOW CREATE TABLE t}.
 */
SqlNode SqlDeltaShow() :
{
    final Span s;
    SqlIdentifier id = null;
    SqlIdentifier schema = null;
    SqlNode pattern = null;
}
{
    <SHOW> { s = span(); }
    (
        <TABLES>
        [
            ( <IN> | <FROM> )
            ( id = CompoundIdentifier() | <DEFAULT_> { id = new SqlIdentifier("default", getPos()); } )
        ] [ [ <LIKE> ] pattern = StringLiteral() ]
        { return new SqlDeltaShow(s.end(this), SqlDeltaShow.Kind.TABLES, id, pattern); }
    |
        ( <SCHEMAS> | <DATABASES> ) [ [ <LIKE> ] pattern = StringLiteral() ]
        { return new SqlDeltaShow(s.end(this), SqlDeltaShow.Kind.SCHEMAS, null, pattern); }
    |
        <COLUMNS> ( <IN> | <FROM> ) id = CompoundIdentifier()
        [
            ( <IN> | <FROM> )
            ( schema = SimpleIdentifier() | <DEFAULT_> { schema = new SqlIdentifier("default", getPos()); } )
            { id = schema.add(1, id.names.get(id.names.size() - 1), id.getParserPosition()); }
        ]
        { return new SqlDeltaShow(s.end(this), SqlDeltaShow.Kind.COLUMNS, id, null); }
    |
        <TBLPROPERTIES> id = CompoundIdentifier()
        [
            <LPAREN>
            ( pattern = StringLiteral() | schema = CompoundIdentifier() { pattern = SqlLiteral.createCharString(schema.toString(), getPos()); } )
            <RPAREN>
        ]
        { return new SqlDeltaShow(s.end(this), SqlDeltaShow.Kind.TBLPROPERTIES, id, pattern); }
    |
        <CREATE> <TABLE> id = CompoundIdentifier()
        { return new SqlDeltaShow(s.end(this), SqlDeltaShow.Kind.CREATE_TABLE, id, null); }
    )
}

/**
 * Spark's {@code DESCRIBE [TABLE] t} (also {@code DESC}), and Delta's {@code DESCRIBE HISTORY t [LIMIT n]} and
 * {@code DESCRIBE DETAIL t}. A table may itself be called history or detail: {@code DESCRIBE history}.
 */
SqlNode SqlDeltaDescribe() :
{
    final Span s;
    SqlIdentifier id;
    SqlDeltaShow.Kind kind = SqlDeltaShow.Kind.DESCRIBE;
    SqlNode limit = null;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    (
        LOOKAHEAD(2) <HISTORY> id = CompoundIdentifier() { kind = SqlDeltaShow.Kind.DESCRIBE_HISTORY; }
        [ <LIMIT> limit = UnsignedNumericLiteral() ]
    |
        LOOKAHEAD(2) <DETAIL> id = CompoundIdentifier() { kind = SqlDeltaShow.Kind.DESCRIBE_DETAIL; }
    |
        [ <TABLE> ] id = CompoundIdentifier()
    )
    { return new SqlDeltaShow(s.end(this), kind, id, limit); }
}

/** Delta's {@code VACUUM t [RETAIN n HOURS] [DRY RUN]}. */
SqlNode SqlDeltaVacuum() :
{
    final Span s;
    final SqlIdentifier id;
    SqlNode hours = null;
    boolean dryRun = false;
}
{
    <VACUUM> { s = span(); }
    id = CompoundIdentifier()
    [ <RETAIN> hours = UnsignedNumericLiteral() <HOURS> ]
    [ <DRY> <RUN> { dryRun = true; } ]
    { return SqlDeltaUtility.vacuum(s.end(this), id, hours, dryRun); }
}

/**
 * Delta's {@code RESTORE [TABLE] t [TO] VERSION AS OF n} and {@code ... TIMESTAMP AS OF 'ts'}: the
 * rewrite before parsing has put the version in the name, as for time travel ({@code "t@v3"}).
 */
SqlNode SqlDeltaRestore() :
{
    final Span s;
    final SqlIdentifier id;
}
{
    <RESTORE> { s = span(); }
    [ <TABLE> ]
    id = CompoundIdentifier()
    { return SqlDeltaUtility.restore(s.end(this), id); }
}

/**
 * Delta's {@code CONVERT TO DELTA t [NO STATISTICS] [PARTITIONED BY (c type, ...)]}: {@code t} a
 * folder of Parquet files in the warehouse, named as a table is ({@code parquet.`t`} as Spark
 * writes it, too).
 */
SqlNode SqlDeltaConvert() :
{
    final Span s;
    final SqlIdentifier id;
    boolean noStatistics = false;
    SqlNodeList partitions = null;
}
{
    <CONVERT> { s = span(); } <TO> <DELTA>
    id = CompoundIdentifier()
    [ <NO> <STATISTICS> { noStatistics = true; } ]
    [ <PARTITIONED> <BY> partitions = DeltaColumnList() ]
    { return SqlDeltaUtility.convert(s.end(this), id, noStatistics, partitions); }
}

/** Delta's {@code OPTIMIZE t [WHERE predicate] [ZORDER BY (c, ...)]} (parentheses optional). */
SqlNode SqlDeltaOptimize() :
{
    final Span s;
    final SqlIdentifier id;
    SqlNode where = null;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    SqlIdentifier c;
}
{
    <OPTIMIZE> { s = span(); }
    id = CompoundIdentifier()
    [ <WHERE> where = Expression(ExprContext.ACCEPT_NON_QUERY) ]
    [
        <ZORDER> <BY>
        (
            <LPAREN> c = SimpleIdentifier() { columns.add(c); }
            ( <COMMA> c = SimpleIdentifier() { columns.add(c); } )*
            <RPAREN>
        |
            c = SimpleIdentifier() { columns.add(c); }
            ( <COMMA> c = SimpleIdentifier() { columns.add(c); } )*
        )
    ]
    { return SqlDeltaUtility.optimize(s.end(this), id, where, new SqlNodeList(columns, s.end(this))); }
}
