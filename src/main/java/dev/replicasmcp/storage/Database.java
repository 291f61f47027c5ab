package dev.replicasmcp.storage;

import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one owner of the SQLite file. It migrates the schema with Flyway, then keeps one long-lived
 * connection (3–6× faster than one per query) behind a reentrant lock: every read and write is
 * serialised, and calls made inside {@link #inTransaction} join that transaction.
 */
public final class Database implements Transactions, AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private final DSLContext dsl;
    private int depth;
    /** Statements of {@link #count}, by their SQL; used and closed under the lock like the connection. */
    private final Map<String, PreparedStatement> kept = new HashMap<>();

    private Database(Connection connection) {
        this.connection = connection;
        this.dsl = DSL.using(
                connection,
                SQLDialect.SQLITE,
                new Settings().withExecuteLogging(false).withRenderSchema(false));
    }

    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                OwnerOnly.folder(parent);
            }
            // SQLite gives the -wal and -shm files the permissions of the database file.
            if (Files.exists(file)) {
                OwnerOnly.file(file);
            } else {
                OwnerOnly.writeString(file, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder for " + file, e);
        }
        if (file.toAbsolutePath().getParent() != null) {
            NativeSqlite.useCopyIn(file.toAbsolutePath().getParent().resolve("lib"));
        }
        SQLiteDataSource source = dataSource(file);
        try {
            Connection connection = source.getConnection();
            if (!isCurrent(connection)) {
                Flyway.configure()
                        .dataSource(source)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
            }
            Database db = new Database(connection);
            restrictCompanions(file);
            return db;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest migration in src/main/resources/db/migration (a test holds the two together). A database
     * already at this version opens without Flyway: scanning the jar for migrations and validating them is
     * most of the start-up time of the database, and the first tool call waits for it.
     */
    static final String SCHEMA_VERSION = "7";

    /** Whether every migration up to {@link #SCHEMA_VERSION} was applied, and none failed. */
    static boolean isCurrent(Connection connection) {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT"
                        + " (SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                        + "  ORDER BY installed_rank DESC LIMIT 1),"
                        + " (SELECT count(*) FROM flyway_schema_history WHERE success = 0)")) {
            return rows.next() && SCHEMA_VERSION.equals(rows.getString(1)) && rows.getInt(2) == 0;
        } catch (SQLException e) {
            return false; // no history table yet: a new database
        }
    }

    /** -wal and -shm made by an older version (or under another umask) become owner-only too. */
    private static void restrictCompanions(Path file) {
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            try {
                OwnerOnly.file(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make " + file + suffix + " readable by its owner only", e);
            }
        }
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode survives a killed process; only an OS crash could lose the last commits.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    /** Runs a read or a single write; inside a transaction it joins it. */
    public <T> T with(Function<DSLContext, T> work) {
        lock.lock();
        try {
            return work.apply(dsl);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A count in plain SQL on a statement kept open; inside a transaction it joins it. For the counts that
     * every list call makes: with the C1 compiler the server runs, building, rendering and executing one
     * through jOOQ costs about 125 µs, the same count on a prepared statement about 25 (measured).
     */
    public int count(String sql, Object... args) {
        return firstInt(sql, args);
    }

    /**
     * SQLite's data_version for this connection: it changes when another connection commits, and the
     * server holds only this one, so a change means another process (such as `keys revoke` run beside
     * the server) wrote to the file. Cheap enough to ask before every use of something cached.
     */
    public int dataVersion() {
        return firstInt("PRAGMA data_version");
    }

    /** Whether the calling thread is inside {@link #inTransaction}: what it reads may yet be rolled back. */
    public boolean inTransactionNow() {
        return lock.isHeldByCurrentThread() && depth > 0;
    }

    private int firstInt(String sql, Object... args) {
        lock.lock();
        try {
            PreparedStatement statement = kept.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                kept.put(sql, statement);
            }
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database query failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    public void run(java.util.function.Consumer<DSLContext> work) {
        with(context -> {
            work.accept(context);
            return null;
        });
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (depth > 0) {
                depth++;
                try {
                    return work.get();
                } finally {
                    depth--;
                }
            }
            return outermost(work);
        } finally {
            lock.unlock();
        }
    }

    private <T> T outermost(Supplier<T> work) {
        depth = 1;
        try {
            connection.setAutoCommit(false);
            T result = work.get();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("Database transaction failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        } finally {
            depth = 0;
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reset auto-commit: " + e.getMessage(), e);
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("Rollback failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (PreparedStatement statement : kept.values()) {
                statement.close();
            }
            kept.clear();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
