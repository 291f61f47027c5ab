package dev.replicasmcp.runtime.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * New files git does not track yet (ignored ones excluded), counted the way `git diff` would count them
 * once added: every line is an added line, binary files count nothing. Bounded: at most MAX_FILES files
 * and MAX_TOTAL_BYTES read in all; a file over MAX_FILE_BYTES, or past the total, counts like a binary one.
 */
final class UntrackedFiles {

    static final int MAX_FILES = 1_000;
    static final long MAX_FILE_BYTES = 8L << 20;
    static final long MAX_TOTAL_BYTES = 64L << 20;
    private static final int BINARY_PROBE = 8_000;

    /** skipped: not read at all (not a regular file, or over the size limits); it counts nothing. */
    record Entry(String path, boolean binary, int lines, boolean skipped) {
        Entry(String path, boolean binary, int lines) {
            this(path, binary, lines, false);
        }
    }

    private final Path folder;
    private final List<Entry> entries;
    private final boolean capped;

    private UntrackedFiles(Path folder, List<Entry> entries, boolean capped) {
        this.folder = folder;
        this.entries = entries;
        this.capped = capped;
    }

    /** paths is `git ls-files --others --exclude-standard -z` output. */
    static UntrackedFiles of(Path folder, String paths) {
        List<Entry> entries = new ArrayList<>();
        String[] names = paths.isEmpty() ? new String[0] : paths.split("\0");
        long budget = MAX_TOTAL_BYTES;
        boolean capped = names.length > MAX_FILES;
        for (int i = 0; i < names.length && i < MAX_FILES; i++) {
            if (names[i].isEmpty()) {
                continue;
            }
            Path file = folder.resolve(names[i]);
            long size = size(file);
            if (size < 0 || size > MAX_FILE_BYTES || size > budget) {
                capped |= size > budget && size <= MAX_FILE_BYTES;
                entries.add(new Entry(names[i], true, 0, true));
            } else {
                budget -= size;
                entries.add(read(file, names[i]));
            }
        }
        return new UntrackedFiles(folder, List.copyOf(entries), capped);
    }

    /** -1 for anything but a regular file (a link, a socket) or one that cannot be read. */
    private static long size(Path file) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Entry read(Path file, String path) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                return new Entry(path, true, 0);
            }
            int lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                lines++;
            }
            return new Entry(path, false, lines);
        } catch (IOException e) {
            return new Entry(path, true, 0);
        }
    }

    /** Git's own test: a NUL byte near the start. */
    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    int addedLines() {
        return entries.stream().mapToInt(Entry::lines).sum();
    }

    boolean capped() {
        return capped;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entry as `git diff` shows a new file. */
    String diff(Entry entry) {
        StringBuilder out = new StringBuilder();
        out.append("diff --git a/")
                .append(entry.path())
                .append(" b/")
                .append(entry.path())
                .append('\n')
                .append("new file mode 100644\n");
        if (entry.skipped()) {
            return out.append("(new file not read: not a regular file, or over the size limits)\n")
                    .toString();
        }
        if (entry.binary()) {
            return out.append("Binary files /dev/null and b/")
                    .append(entry.path())
                    .append(" differ\n")
                    .toString();
        }
        String content;
        try {
            content = new String(Files.readAllBytes(folder.resolve(entry.path())), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return out.append("(could not be read: ")
                    .append(e.getMessage())
                    .append(")\n")
                    .toString();
        }
        if (entry.lines() == 0) {
            return out.toString();
        }
        out.append("--- /dev/null\n+++ b/")
                .append(entry.path())
                .append('\n')
                .append("@@ -0,0 +1")
                .append(entry.lines() == 1 ? "" : "," + entry.lines())
                .append(" @@\n");
        for (String line : content.split("\n", -1)) {
            out.append('+').append(line).append('\n');
        }
        if (content.endsWith("\n")) {
            out.setLength(out.length() - 2);
        } else {
            out.append("\\ No newline at end of file\n");
        }
        return out.toString();
    }
}
