package dev.replicasmcp.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A read built with jOOQ once, rendered once, and run as plain SQL on a kept statement ({@link
 * PlainQueries}) for the reads every tool call makes: the SQL stays jOOQ's (typed columns, the dialect's
 * quoting), without jOOQ's cost of building and rendering it at every call. What changes from call to call
 * is a {@link #value}; every other value is bound as built.
 */
final class StaticQuery {

    /**
     * Renders only: the same dialect and settings as {@link Database}'s own context. Made at the first
     * rendering, not when a store's queries are declared: a start declares them all and runs none.
     */
    private static final class Render {
        static final DSLContext CONTEXT = DSL.using(SQLDialect.SQLITE, Database.jooqSettings());
    }

    private final Supplier<ResultQuery<?>> build;
    private volatile Rendered rendered;
    /** The table {@link #fetchInto} last checked this query's fields against. */
    private volatile Table<?> intoTable;

    /** The SQL, its bind values in order, and the fields of its rows. */
    private record Rendered(String sql, List<Object> binds, Field<?>[] fields) {}

    private StaticQuery(Supplier<ResultQuery<?>> build) {
        this.build = build;
    }

    /**
     * A text value that changes from call to call, named: in the query it stands for the value given under
     * its name to {@link #fetch}. (Its placeholder holds a NUL, which no input the server takes can.)
     */
    static Field<String> value(String name) {
        return DSL.val(MARK + name);
    }

    private static final String MARK = "\u0000static-query-value:";

    /**
     * The query, built and rendered at its first use rather than when its store's class loads: a start
     * renders none it does not run (rendering is slow before the JIT has compiled jOOQ).
     */
    static StaticQuery of(Supplier<ResultQuery<?>> query) {
        return new StaticQuery(query);
    }

    private Rendered rendered() {
        Rendered done = rendered;
        if (done == null) {
            ResultQuery<?> query = build.get();
            done = new Rendered(
                    Render.CONTEXT.render(query),
                    new ArrayList<>(Render.CONTEXT.extractBindValues(query)),
                    query.fields());
            rendered = done;
        }
        return done;
    }

    /** The rows, each a record of the query's fields; values: what each {@link #value} stands for, by name. */
    List<Record> fetch(Database db, Map<String, ?> values) {
        Field<?>[] fields = rendered().fields();
        return fetchRows(db, values, row -> record(fields, row));
    }

    /** The bind values in order, each {@link #value} replaced by what it stands for. */
    private static Object[] args(Rendered query, Map<String, ?> values) {
        Object[] args = query.binds().toArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String text && text.startsWith(MARK)) {
                String name = text.substring(MARK.length());
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("No value for '" + name + "' in: " + query.sql());
                }
                args[i] = values.get(name);
            }
        }
        return args;
    }

    /**
     * The rows of a {@code selectFrom(table)} query as the table's own records, filled by position (jOOQ's
     * {@code into(table)} matches the fields by name, which cost more than the query).
     */
    <R extends Record> List<R> fetchInto(Database db, Table<R> table, Map<String, ?> values) {
        Rendered query = selectFrom(table);
        Field<?>[] fields = table.fields();
        return db.query(query.sql(), row -> fill(Render.CONTEXT.newRecord(table), fields, row), args(query, values));
    }

    /** The query rendered, once checked to select exactly the table's columns in the table's order. */
    private Rendered selectFrom(Table<?> table) {
        Rendered query = rendered();
        if (intoTable != table) {
            if (!Arrays.equals(names(query.fields()), names(table.fields()))) {
                throw new IllegalArgumentException("Not a selectFrom(" + table.getName() + ") query: " + query.sql());
            }
            intoTable = table;
        }
        return query;
    }

    /**
     * The rows of a {@code selectFrom(table)} query, each made by row from the result set itself: the
     * columns are the table's, in its order ({@link #column}), and no jOOQ record is filled on the way.
     */
    <T> List<T> fetchRows(Database db, Table<?> table, Map<String, ?> values, PlainQueries.Row<T> row) {
        selectFrom(table);
        return fetchRows(db, values, row);
    }

    /**
     * The rows of any query, each made by row from the result set itself (by the positions of the query's
     * own fields): for queries that select more than one table's columns, which {@link #fetchInto} and the
     * other {@link #fetchRows} refuse.
     */
    <T> List<T> fetchRows(Database db, Map<String, ?> values, PlainQueries.Row<T> row) {
        Rendered query = rendered();
        return db.query(query.sql(), row, args(query, values));
    }

    /** Where a column of its table is in the rows of {@link #fetchRows}, counted from 1 as JDBC does. */
    static int column(Table<?> table, Field<?> field) {
        int at = table.indexOf(field);
        if (at < 0) {
            throw new IllegalArgumentException(field.getName() + " is not a column of " + table.getName());
        }
        return at + 1;
    }

    private static String[] names(Field<?>[] fields) {
        return Arrays.stream(fields).map(Field::getName).toArray(String[]::new);
    }

    private static <R extends Record> R fill(R record, Field<?>[] fields, ResultSet row) throws SQLException {
        for (int i = 0; i < fields.length; i++) {
            set(record, fields[i], row.getObject(i + 1));
        }
        return record;
    }

    private static Record record(Field<?>[] fields, ResultSet row) throws SQLException {
        return fill(Render.CONTEXT.newRecord(fields), fields, row);
    }

    private static <T> void set(Record record, Field<T> field, Object value) {
        record.set(field, field.getDataType().convert(value));
    }

    @Override
    public String toString() {
        return rendered().sql();
    }
}
