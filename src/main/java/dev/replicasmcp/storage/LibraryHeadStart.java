package dev.replicasmcp.storage;

/**
 * Initialises jOOQ's data types on a thread of its own as the process starts, before the core opens the
 * database: SQLDataType registers the types of every SQL dialect jOOQ knows (~45 ms with the AOT cache and
 * nothing else running, ~130 ms before anything is compiled). It needs no data folder, and it was on the
 * path from a client's first tool call to its answer (measured: that call 32 → 8 ms, the start to it ~35
 * ms shorter). SQLite's JDBC driver used to be initialised here too; the database no longer goes through
 * JDBC's DriverManager at all ({@link Database}).
 */
public final class LibraryHeadStart {

    private LibraryHeadStart() {}

    public static void start() {
        Thread thread = new Thread(LibraryHeadStart::initialise, "library-head-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static void initialise() {
        try {
            Class.forName("org.jooq.impl.SQLDataType", true, LibraryHeadStart.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // only a head start: the core meets the same error and reports it
        }
    }
}
