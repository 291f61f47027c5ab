package dev.replicasmcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.support.HttpFixture;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two doors give the same answer to the same bad input: for every operation with a REST route, each
 * required field left out, each field of the wrong type, a null list item and unknown ids go through MCP
 * and through REST, and the error messages must be equal (and the REST status a 4xx).
 */
class DoorParityTest {

    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");

    @TempDir
    static Path dir;

    static HttpFixture http;

    @BeforeAll
    static void start() {
        http = HttpFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    record Case(String operation, String what, Map<String, Object> args) {}

    @Test
    void everyOperationHasARestRoute() {
        // read_replica_history answers REST with the hosted API's own shape, from rest/routes/ReplicaRoutes.
        assertThat(Operations.all().stream().filter(op -> op.route() == null).map(Operation::name))
                .containsExactly("read_replica_history");
    }

    @Test
    void bothDoorsAnswerEveryBadInputAlike() {
        List<Case> cases = new ArrayList<>();
        Operations.all().stream().filter(op -> op.route() != null).forEach(op -> cases.addAll(cases(op)));
        List<String> differences = new ArrayList<>();
        try (Doors doors = new Doors(http, http.key)) {
            for (Case c : cases) {
                Doors.Answer mcp = doors.mcp(c.operation(), c.args());
                Doors.Answer rest = doors.rest(c.operation(), c.args());
                if (mcp.ok() || rest.ok()) {
                    differences.add(c + ": accepted (MCP " + mcp.ok() + ", REST " + rest.ok() + ")");
                } else if (!mcp.error().equals(rest.error())) {
                    differences.add(c + ":\n  MCP:  " + mcp.error() + "\n  REST: " + rest.error());
                } else if (rest.status() < 400 || rest.status() >= 500) {
                    differences.add(c + ": REST status " + rest.status());
                }
            }
        }
        System.out.printf("door parity: %d bad-input cases%n", cases.size());
        assertThat(cases).hasSizeGreaterThan(100);
        assertThat(differences).as("answers that differ between the doors").isEmpty();
    }

    /** Bad inputs for one operation; path fields always hold an id (an unknown one), as a URL must. */
    private static List<Case> cases(Operation<?, ?> op) {
        List<String> inPath = new ArrayList<>();
        Matcher params = PARAM.matcher(op.route().path());
        while (params.find()) {
            inPath.add(params.group(1));
        }
        Map<String, Object> base = new LinkedHashMap<>();
        inPath.forEach(field -> base.put(field, UUID.randomUUID().toString()));
        List<Case> cases = new ArrayList<>();
        if (!inPath.isEmpty()) {
            cases.add(new Case(op.name(), "unknown ids", complete(op, base, inPath)));
        }
        for (RecordComponent component : op.input().getRecordComponents()) {
            String field = WireJson.wireName(component);
            if (inPath.contains(field)) {
                continue;
            }
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (property != null && property.required()) {
                Map<String, Object> args = complete(op, base, inPath);
                args.remove(field);
                cases.add(new Case(op.name(), "without " + field, args));
            }
            Object wrong = wrongValue(component.getType(), op.route().readsQuery());
            if (wrong != null) {
                Map<String, Object> args = complete(op, base, inPath);
                args.put(field, wrong);
                cases.add(new Case(op.name(), field + " = " + wrong, args));
            }
            if (Collection.class.isAssignableFrom(component.getType())
                    && !op.route().readsQuery()) {
                Map<String, Object> args = complete(op, base, inPath);
                List<Object> withNull = new ArrayList<>();
                withNull.add(null);
                args.put(field, withNull);
                cases.add(new Case(op.name(), field + " = [null]", args));
            }
        }
        return cases;
    }

    /** The path ids plus a plausible value for every other required field, so one thing at a time is off. */
    private static Map<String, Object> complete(Operation<?, ?> op, Map<String, Object> base, List<String> inPath) {
        Map<String, Object> args = new LinkedHashMap<>(base);
        for (RecordComponent component : op.input().getRecordComponents()) {
            String field = WireJson.wireName(component);
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (inPath.contains(field) || property == null || !property.required()) {
                continue;
            }
            Class<?> type = component.getType();
            args.put(
                    field,
                    type == Boolean.class
                            ? Boolean.TRUE
                            : type == Integer.class
                                    ? 1
                                    : Collection.class.isAssignableFrom(type)
                                            ? List.of(UUID.randomUUID().toString())
                                            : type == String.class
                                                    ? (field.endsWith("_id")
                                                            ? UUID.randomUUID().toString()
                                                            : "x")
                                                    : Map.of("url", "https://example.com"));
        }
        return args;
    }

    /** A value of the wrong JSON type for a field; a query string can only carry text, so strings are skipped there. */
    private static Object wrongValue(Class<?> type, boolean query) {
        if (type == Integer.class) {
            return "many";
        }
        if (type == Boolean.class) {
            return "maybe";
        }
        if (query) {
            return null;
        }
        if (type == String.class) {
            return 12345;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "not-a-list";
        }
        return null;
    }
}
