package dev.replicasmcp.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files only their owner can read: the data folder, workspaces, the database and every file
 * that may hold a secret. Permissions are set explicitly, so the process umask (often 022) does not decide.
 * On a file system without POSIX permissions these are plain creates and writes.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    /** Creates the folder (and missing parents, which keep their own permissions) and makes it rwx------. */
    public static Path folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        restrict(folder, FOLDER);
        return folder;
    }

    /** Makes an existing file rw------- (a database made by an older version, a SQLite WAL file). */
    public static void file(Path file) throws IOException {
        restrict(file, FILE);
    }

    /** Writes the text to a file that is rw------- before any byte of it lands on disk. */
    public static void writeString(Path file, String content) throws IOException {
        if (POSIX && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            restrict(file, FILE);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /**
     * Creates an empty rw------- file for a secret (the encryption key, an API key, an agent's sign-in),
     * with any missing parent folders; throws FileAlreadyExistsException when one is there, so a secret
     * is never written into a file someone else prepared.
     */
    public static void createFile(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setWritable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(true, true);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX
                && Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                && !Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)
                        .equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
