package dev.replicasmcp.storage;

import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The text of the few writes (and simple reads by key) tool calls make often, for {@link Database#update}: built from jOOQ's
 * generated tables and columns, so a renamed column still fails to compile, but written once instead of
 * rendered by jOOQ at every call (rendering was a quarter of a send's CPU in a profile). Every value is a
 * bind parameter, in the order the columns are given.
 */
final class PlainSql {

    private PlainSql() {}

    /** {@code INSERT INTO table (c1, c2, …) VALUES (?, ?, …)}. */
    static String insert(Table<?> table, Field<?>... columns) {
        return "INSERT INTO " + quoted(table.getName()) + " (" + names(columns, ", ") + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
    }

    /** {@code SELECT expression FROM table WHERE c1 = ? AND c2 = ?}: a count or a maximum by key. */
    static String select(String expression, Table<?> table, Field<?>... equal) {
        return "SELECT " + expression + " FROM " + quoted(table.getName()) + " WHERE " + names(equal, " = ? AND ")
                + " = ?";
    }

    /** {@code UPDATE table SET c1 = ?, c2 = ? WHERE key = ?}. */
    static String update(Table<?> table, Field<?> key, Field<?>... columns) {
        return "UPDATE " + quoted(table.getName()) + " SET " + names(columns, " = ?, ") + " = ? WHERE "
                + quoted(key.getName()) + " = ?";
    }

    /** A column's name as SQLite reads it whatever it is (a keyword such as "type" included). */
    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String names(Field<?>[] columns, String separator) {
        return Arrays.stream(columns).map(c -> quoted(c.getName())).collect(Collectors.joining(separator));
    }
}
