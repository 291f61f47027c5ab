package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an environment file may go: under the workspace home `~/` (which includes `~/workspaces/...`).
 * The stored form is normalised: repeated and `.` segments removed; `..`, NUL and other roots refused.
 */
public final class WorkspacePath {

    /** What Linux file systems take: a name of at most 255 bytes, a path of at most 4,096 (PATH_MAX). */
    static final int MAX_SEGMENT_BYTES = 255;

    static final int MAX_PATH_BYTES = 4096;

    private WorkspacePath() {}

    public static String normalise(String field, String path) {
        Validation.required(field, path);
        if (path.indexOf('\0') >= 0) {
            throw DomainException.invalid("Field '" + field + "' contains a NUL byte.");
        }
        if (!path.startsWith("~/")) {
            throw DomainException.invalid("Field '" + field + "' must start with '~/' (the workspace home, e.g. "
                    + "'~/.npmrc' or '~/workspaces/app/.env'); got '" + Validation.abbreviate(path, 80) + "'.");
        }
        if (path.endsWith("/")) {
            throw DomainException.invalid("Field '" + field + "' names a folder; give a file path, e.g. '"
                    + Validation.abbreviate(path, 60) + "config'.");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(2).split("/")) {
            if (segment.equals("..")) {
                throw DomainException.invalid("Field '" + field + "' may not contain '..' segments; files stay "
                        + "inside the workspace home.");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > MAX_SEGMENT_BYTES) {
                    throw DomainException.invalid("Field '" + field + "' has a segment of " + bytes + " bytes ('"
                            + Validation.abbreviate(segment, 40) + "'); a file or folder name may have at most "
                            + MAX_SEGMENT_BYTES + " bytes.");
                }
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw DomainException.invalid("Field '" + field + "' needs a file name after '~/'.");
        }
        String normalised = "~/" + String.join("/", segments);
        // Measured under the home's real location too, which adds up to a few hundred bytes.
        int bytes = normalised.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES - 512) {
            throw DomainException.invalid("Field '" + field + "' is " + bytes + " bytes long; a path may have at most "
                    + (MAX_PATH_BYTES - 512) + " bytes.");
        }
        return normalised;
    }
}
