package dev.replicasmcp.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference OpenAPI document as a contract: finds the operation a request hit, and validates a
 * response body against the schema that operation documents for its status (JSON Schema 2020-12, with
 * {@code #/components/schemas/...} references resolved inside the document). Error bodies are checked
 * against the Error schema whatever the status.
 */
public final class Contract {

    /** A copy of shared/reference/replicas-openapi.json, committed so the contract holds on any machine. */
    public static final Path DOCUMENT =
            Path.of(System.getProperty("replicas.openapi", "src/test/resources/reference/replicas-openapi.json"));

    private static final String IRI = "https://replicas.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Contract instance;

    /**
     * Routes the reference leaves out and this build adds, as "METHOD path" with {name} for a path parameter:
     * the audit-log read spec §11.1 allows, the REST form of the tools the hosted API has only in its
     * dashboard, and (§9) the integration secrets and their receivers.
     */
    static final List<String> BUILD_ONLY = List.of(
            "GET /v1/audit-log",
            "POST /v1/replica/repositories",
            "DELETE /v1/replica/repositories/{repository_id}",
            "POST /v1/replica/repository-sets",
            "GET /v1/agent-credentials",
            "PUT /v1/agent-credentials/{kind}",
            "DELETE /v1/agent-credentials/{kind}",
            "GET /v1/integrations",
            "PUT /v1/integrations/{provider}",
            "DELETE /v1/integrations/{provider}",
            "POST /v1/integrations/{provider}/webhook",
            "POST /v1/integrations/{provider}/webhook/{org_id}",
            "POST /v1/integrations/{provider}/events",
            "POST /v1/integrations/{provider}/events/{org_id}");

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final List<Template> templates = new ArrayList<>();

    private record Template(String path, String regex, int literals) {}

    private Contract(String reference) throws IOException {
        String text = withScriptedAgent(reference);
        this.document = JSON.readTree(text);
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(IRI, text)));
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            String regex = path.replaceAll("\\{[^/]+}", "[^/]+");
            int literals = (int) Arrays.stream(path.split("/"))
                    .filter(x -> !x.isEmpty() && !x.startsWith("{"))
                    .count();
            templates.add(new Template(path, "^" + regex + "$", literals));
        }
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    public static Contract get() {
        if (instance == null) {
            synchronized (Contract.class) {
                if (instance == null) {
                    try {
                        instance = new Contract(Files.readString(DOCUMENT));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read the OpenAPI document " + DOCUMENT, e);
                    }
                }
            }
        }
        return instance;
    }

    /**
     * The one deliberate extension of the reference: this server names its built-in offline agent
     * 'scripted' wherever an agent is reported (README "The agent"), so every enum of agent names
     * (claude, codex, cursor, opencode, pi) also takes 'scripted'.
     */
    static String withScriptedAgent(String text) throws IOException {
        JsonNode root = JSON.readTree(text);
        addScripted(root);
        return JSON.writeValueAsString(root);
    }

    private static void addScripted(JsonNode node) {
        if (node.isObject()) {
            JsonNode values = node.get("enum");
            if (values != null && values.isArray()) {
                List<String> names = new ArrayList<>();
                values.forEach(v -> names.add(v.asText()));
                if (names.containsAll(List.of("claude", "codex", "cursor", "opencode", "pi"))
                        && !names.contains("scripted")) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) values).add("scripted");
                }
            }
        }
        node.forEach(Contract::addScripted);
    }

    /** The documented path template a concrete path matches, preferring the most literal one. */
    public Optional<String> template(String method, String path) {
        String lower = method.toLowerCase(Locale.ROOT);
        return templates.stream()
                .filter(t -> path.matches(t.regex()))
                .filter(t -> document.path("paths").path(t.path()).has(lower))
                .map(Template::path)
                .findFirst();
    }

    /** Whether a concrete path is one of the build's own routes (see {@link #BUILD_ONLY}). */
    static boolean buildOnly(String method, String path) {
        return BUILD_ONLY.stream()
                .anyMatch(route -> (method + " " + path)
                        .matches(Arrays.stream(route.split("\\{[^/]+}", -1))
                                .map(java.util.regex.Pattern::quote)
                                .collect(java.util.stream.Collectors.joining("[^/]+"))));
    }

    /**
     * Problems of a response body, empty when it matches: an error status against Error, a success
     * status against the schema the operation documents for it (which must exist).
     */
    public List<String> problems(String method, String path, int status, JsonNode body) {
        if (status >= 400) {
            return validate("#/components/schemas/Error", body);
        }
        Optional<String> template = template(method, path);
        if (template.isEmpty() && buildOnly(method, path)) {
            return List.of(); // the build's own routes; their shapes are asserted by their tests
        }
        if (template.isEmpty()) {
            return List.of("no documented operation " + method + " " + path);
        }
        String lower = method.toLowerCase(Locale.ROOT);
        JsonNode responses =
                document.path("paths").path(template.get()).path(lower).path("responses");
        if (!responses.has(Integer.toString(status))) {
            return List.of(method + " " + template.get() + " does not document status " + status + " (documented: "
                    + iterable(responses.fieldNames()) + ")");
        }
        String pointer = "#/paths/" + escape(template.get()) + "/" + lower + "/responses/" + status
                + "/content/application~1json/schema";
        return validate(pointer, body);
    }

    /** Validates a value against the schema at a JSON pointer of the document. */
    public List<String> validate(String pointer, JsonNode value) {
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(IRI + p)));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            problems.add(error.toString());
        }
        return problems;
    }

    private static String escape(String path) {
        String pointer = path.replace("~", "~0").replace("/", "~1");
        return URLEncoder.encode(pointer, StandardCharsets.UTF_8).replace("%7E", "~");
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
