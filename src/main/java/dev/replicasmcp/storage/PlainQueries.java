package dev.replicasmcp.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain SQL on statements kept open, one per SQL text, for the reads and writes tool calls make often
 * (counts, a replica by id, a page of history, a message queued): with the C1 compiler the server runs, building, rendering
 * and executing a query through jOOQ costs about 125 µs, the same query on a prepared statement about 25
 * (measured). Not thread-safe: {@link Database} calls it under its lock, on its one connection.
 */
final class PlainQueries implements AutoCloseable {

    /** Reads one row; the result set is positioned on it. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> kept = new HashMap<>();

    PlainQueries(Connection connection) {
        this.connection = connection;
    }

    <T> List<T> query(String sql, Row<T> reader, Object... args) throws SQLException {
        PreparedStatement statement = bound(sql, args);
        // Closing the result set resets the statement: it holds no read transaction open between uses.
        try (ResultSet result = statement.executeQuery()) {
            return rows(result, reader);
        }
    }

    /** Every row of a result set, each made by reader. */
    static <T> List<T> rows(ResultSet result, Row<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        while (result.next()) {
            rows.add(reader.read(result));
        }
        return rows;
    }

    /** Runs an INSERT, UPDATE or DELETE; answers how many rows it changed. */
    int update(String sql, Object... args) throws SQLException {
        return bound(sql, args).executeUpdate();
    }

    private PreparedStatement bound(String sql, Object... args) throws SQLException {
        PreparedStatement statement = kept.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            kept.put(sql, statement);
        }
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : kept.values()) {
            statement.close();
        }
        kept.clear();
    }
}
