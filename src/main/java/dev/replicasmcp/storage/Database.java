package dev.replicasmcp.storage;

import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
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
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * The one owner of the SQLite file. It migrates the schema with Flyway, then keeps one long-lived
 * connection (3–6× faster than one per query) behind a reentrant lock: every read and write is
 * serialised, and calls made inside {@link #inTransaction} join that transaction.
 */
public final class Database implements Transactions, AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    /**
     * Made at the first read or write through jOOQ ({@link #with}), not with the connection: jOOQ's first
     * use is slow ({@link JooqStart}), and a start and a first tool call read through plain SQL ({@link
     * #query}) without it.
     */
    private volatile DSLContext dsl;

    private int depth;
    /** Used and closed under the lock, like the connection. */
    private final PlainQueries plain;

    /** How jOOQ renders and runs this database's queries (also {@link StaticQuery}'s, rendered once). */
    static Settings jooqSettings() {
        return new Settings().withExecuteLogging(false).withRenderSchema(false);
    }

    private Database(Connection connection) {
        this.connection = connection;
        this.plain = new PlainQueries(connection);
    }

    public static Database open(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
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
        if (parent != null) {
            NativeSqlite.useCopyIn(parent.resolve("lib"));
        }
        SQLiteConfig config = config();
        try {
            Connection connection = connect(file, config);
            if (!isCurrent(connection)) {
                Flyway.configure()
                        .dataSource(dataSource(file, config))
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

    /**
     * The long-lived connection, made by sqlite-jdbc's own connection class, as its driver would make it,
     * rather than through JDBC's DriverManager: loading sqlite-jdbc's driver class registers it, which
     * starts DriverManager and its search of the class path for drivers (30-33 ms in a JVM doing nothing
     * else), on the path to the first tool call. In A/B starts the first call's answer came 13-25 ms sooner
     * after the handshake. Only a migration (Flyway) still goes through the driver.
     */
    private static Connection connect(Path file, SQLiteConfig config) throws SQLException {
        String path = file.toAbsolutePath().toString();
        return new JDBC4Connection(URL_PREFIX + path, path, config.toProperties());
    }

    private static final String URL_PREFIX = "jdbc:sqlite:";

    private static SQLiteDataSource dataSource(Path file, SQLiteConfig config) {
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(URL_PREFIX + file.toAbsolutePath());
        return source;
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode survives a killed process; only an OS crash could lose the last commits.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        return config;
    }

    /** Runs a read or a single write; inside a transaction it joins it. */
    public <T> T with(Function<DSLContext, T> work) {
        DSLContext context = dsl();
        return locked(() -> work.apply(context));
    }

    /**
     * Runs plain-SQL work ({@link #query}, {@link #update}) under the lock, so that no other thread's
     * statement comes between its statements; inside a transaction it joins it. Unlike {@link #with}, it
     * needs no jOOQ.
     */
    public <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * jOOQ's context, made at its first use and before the lock is taken: jOOQ's first use loads and sets
     * up its classes ({@link JooqStart}), which reads and writes in plain SQL need not wait for. Two threads
     * may both make one; either serves.
     */
    private DSLContext dsl() {
        DSLContext context = dsl;
        if (context == null) {
            JooqStart.initialise();
            context = DSL.using(connection, SQLDialect.SQLITE, jooqSettings());
            dsl = context;
        }
        return context;
    }

    /** Rows of a plain-SQL read (see {@link PlainQueries}, which says why); inside a transaction it joins it. */
    public <T> List<T> query(String sql, PlainQueries.Row<T> row, Object... args) {
        lock.lock();
        try {
            return plain.query(sql, row, args);
        } catch (SQLException e) {
            throw new IllegalStateException("Database query failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** A plain-SQL INSERT, UPDATE or DELETE (see {@link #query}); answers the rows it changed. */
    public int update(String sql, Object... args) {
        lock.lock();
        try {
            return plain.update(sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException("Database update failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** A count in plain SQL (see {@link #query}): every list call makes one. */
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
        List<Integer> values = query(sql, row -> row.getInt(1), args);
        return values.isEmpty() ? 0 : values.get(0);
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
            plain.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
