package dev.replicasmcp.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where sqlite-jdbc loads its native library from. Left to itself it copies the library out of the jar
 * into the temp folder at every start and reads both copies back to compare them: about a tenth of a
 * second of each cold start, which the first tool call waits for (measured). Here it is copied once per
 * sqlite-jdbc version and platform into the data folder and named by the two system properties
 * sqlite-jdbc reads first; should that copy not load, sqlite-jdbc falls back to its own way.
 *
 * <p>The copy's folder is named by the JVM's os.name and os.arch, so that a start finds it without asking
 * sqlite-jdbc which of its libraries fits this machine: that question lists and resolves every file the
 * process has mapped (its test for musl), ~10-20 ms on the first call's path. Only a first start asks
 * (to pick the library it copies). sqlite-jdbc's own temp folder is the data folder's lib folder: at
 * every load it lists that folder for stale copies of its own, and the system's temp folder can be large.
 */
final class NativeSqlite {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    static final String TEMP_PROPERTY = "org.sqlite.tmpdir";
    private static final Logger LOG = LoggerFactory.getLogger(NativeSqlite.class);

    private NativeSqlite() {}

    /** Points sqlite-jdbc at the library's copy under folder, made first if missing; a choice already made wins. */
    static synchronized void useCopyIn(Path folder) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        Path dir = folder.resolve(folderName(
                SQLiteJDBCLoader.getVersion(), System.getProperty("os.name"), System.getProperty("os.arch")));
        Path library = dir.resolve(name);
        try {
            if (!Files.isRegularFile(library)
                    && !copy(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name, dir, library)) {
                return;
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
            System.setProperty(NAME_PROPERTY, name);
            if (System.getProperty(TEMP_PROPERTY) == null) {
                System.setProperty(TEMP_PROPERTY, folder.toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("sqlite-jdbc extracts its native library itself: {}", e.toString());
        }
    }

    /** The copy's folder: sqlite-jdbc's version and the platform as the JVM names it, as a file name. */
    static String folderName(String version, String osName, String osArch) {
        return ("sqlite-jdbc-" + version + "-" + osName + "-" + osArch).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Whether the jar holds a library for this platform (else sqlite-jdbc reports it), now copied. */
    private static boolean copy(String resource, Path dir, Path library) throws IOException {
        try (InputStream in = NativeSqlite.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, library.getFileName().toString(), ".part");
            try {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                // Another server starting on the same folder sees the whole file or none.
                Files.move(part, library, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
            return true;
        }
    }
}
