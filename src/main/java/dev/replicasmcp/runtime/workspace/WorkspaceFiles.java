package dev.replicasmcp.runtime.workspace;

import dev.replicasmcp.domain.hook.HookRequest;
import dev.replicasmcp.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Writes files into a workspace home and removes folders; paths can never leave the workspace. */
public final class WorkspaceFiles {

    private WorkspaceFiles() {}

    /**
     * Writes each file at its `~/`-relative path, owner-only (it may hold a secret); later entries win on
     * the same path. No symbolic link is followed: a cloned repository may hold one pointing anywhere.
     */
    public static void write(Path home, List<HookRequest.WorkspaceFile> files) {
        for (HookRequest.WorkspaceFile file : files) {
            Path target = resolve(home, file.path());
            try {
                createFolders(home.normalize(), target.getParent());
                if (Files.isSymbolicLink(target)) {
                    throw new IOException("it is a symbolic link, which environment files never follow");
                }
                OwnerOnly.writeString(target, file.content());
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not write " + file.path() + " into the workspace: " + e.getMessage(), e);
            }
        }
    }

    /** Creates the folders from home down to folder one by one, refusing any that is a symbolic link. */
    private static void createFolders(Path home, Path folder) throws IOException {
        Path current = home;
        for (Path part : home.relativize(folder)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new IOException("~/" + home.relativize(current) + " is a symbolic link, which environment "
                        + "files never follow");
            }
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
            }
        }
    }

    public static Path resolve(Path home, String path) {
        String relative = path.startsWith("~/") ? path.substring(2) : path;
        Path target = home.resolve(relative).normalize();
        if (!target.startsWith(home.normalize()) || target.equals(home.normalize())) {
            throw new IllegalArgumentException("Path " + path + " leaves the workspace");
        }
        return target;
    }

    /**
     * Removes a folder tree without following links out of it. Folders a hook made read-only are made
     * writable first, and a second round catches files a dying process wrote during the first.
     */
    public static void deleteQuietly(Path folder) {
        for (int round = 0; round < 2 && folder != null && Files.exists(folder, LinkOption.NOFOLLOW_LINKS); round++) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .forEach(p -> p.toFile().setWritable(true, true));
            } catch (IOException | UncheckedIOException e) {
                // Removed below as far as possible.
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Best effort: the second round tries again.
            }
        }
    }
}
