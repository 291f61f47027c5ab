package dev.replicasmcp.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values an attacker or a careless client sends: wrong types, nulls, huge and deeply nested values, odd
 * unicode, NUL, path traversal, git option injection, shell and SQL metacharacters. Every value that could
 * run a command would create the marker file, which the test checks stays absent.
 */
final class HostileValues {

    private final List<Object> values = new ArrayList<>();

    HostileValues(Path marker) {
        String touch = "touch " + marker;
        values.addAll(List.of(
                "",
                " ",
                "\t\n",
                "a\u0000b",
                "\u0000",
                "../../../../etc/passwd",
                "~/../../etc/shadow",
                "/etc/passwd",
                "..",
                "--upload-pack=" + touch,
                "ext::sh -c " + touch.replace(" ", "% "),
                "-oProxyCommand=" + touch,
                "--output=" + marker,
                "file:///etc/passwd",
                "'; DROP TABLE replicas; --",
                "\" OR 1=1 --",
                "%00%2e%2e%2f",
                "$(" + touch + ")",
                "`" + touch + "`",
                "; " + touch,
                "\uD83D\uDE80".repeat(300),
                "\u202Eevil\u202C",
                "e\u0301\u0301\u0301",
                "\uFFFF\uFFFE",
                "\uD800",
                "x".repeat(300_000),
                "<script>alert(1)</script>",
                "${jndi:ldap://127.0.0.1/x}",
                "\r\nX-Injected: 1",
                "null",
                "NaN",
                "00000000-0000-0000-0000-000000000000",
                "global",
                "GLOBAL",
                "-1",
                "9".repeat(40)));
        values.add(null);
        values.addAll(List.of(0, -1, Long.MAX_VALUE, -9_007_199_254_740_993L, 1.5, 1e308, true, false));
        values.addAll(List.of(
                List.of(),
                List.of("a", 1, List.of()),
                Map.of(),
                Map.of("__proto__", Map.of("x", 1)),
                nested(300),
                List.of(nested(50))));
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 2_000; i++) {
            wide.put("k" + i, i);
        }
        values.add(wide);
    }

    /** The i-th hostile value, round the list. */
    Object get(int i) {
        return values.get(Math.floorMod(i, values.size()));
    }

    int size() {
        return values.size();
    }

    /** Arrays inside arrays, depth deep. */
    static Object nested(int depth) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }
}
