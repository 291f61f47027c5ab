package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an environment file may go: under the workspace home `~/` (which includes `~/workspaces/...`).
 * The stored form is normalised: repeated and `.` segments removed; `..`, NUL and other roots refused.
 */
public final class WorkspacePath {

    private WorkspacePath() {
    }

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
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw DomainException.invalid("Field '" + field + "' needs a file name after '~/'.");
        }
        return "~/" + String.join("/", segments);
    }
}
