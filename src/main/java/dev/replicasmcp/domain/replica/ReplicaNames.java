package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.util.regex.Pattern;

/** A replica's name (spec §4.2: no whitespace, at most 100 characters) and the git branch made from it. */
final class ReplicaNames {

    private static final Pattern NAME = Pattern.compile("^\\S+$");
    static final int MAX_NAME = 100;

    private ReplicaNames() {}

    /** `replicas/<name>`, with what git refuses in a branch name (`~ ^ : ? * [ \\`, `..`, `@{`, ...) made `-`. */
    static String branchFor(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._/-]", "-")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("/{2,}", "/");
        StringBuilder branch = new StringBuilder();
        for (String part : cleaned.split("/")) {
            String component = part.replaceFirst("^\\.+", "")
                    .replaceFirst("\\.lock$", "-lock")
                    .replaceFirst("\\.+$", "");
            if (!component.isEmpty()) {
                branch.append(branch.length() == 0 ? "" : "/").append(component);
            }
        }
        return "replicas/" + (branch.length() == 0 ? "replica" : branch);
    }

    static String valid(String name) {
        Validation.required("name", name);
        if (!NAME.matcher(name).matches()) {
            throw DomainException.invalid("Field 'name' must not contain whitespace (pattern ^\\S+$); got '"
                    + Validation.abbreviate(name, 60) + "'. Use dashes, e.g. 'fix-auth-bug'.");
        }
        Validation.noNul("name", name);
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME) {
            throw DomainException.invalid("Field 'name' is " + length + " characters; the limit is " + MAX_NAME + ".");
        }
        return name;
    }
}
