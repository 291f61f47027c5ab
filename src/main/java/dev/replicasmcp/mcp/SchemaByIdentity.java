package dev.replicasmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output-schema check the SDK makes on every tool result, against the same draft 2020-12 validator
 * the SDK's own check uses. A result the invoker wrote ({@link WrittenJson}) is not checked: WrittenJson
 * says why, and where the check went.
 *
 * <p>For any other result: a tree is checked as it is, where the SDK's check copied it into a new tree and
 * wrote the copy out as text (a fifth of a history read's CPU, profiled); anything else takes the SDK's way.
 * Compiled schemas are found by the schema object itself: ours are built once and never change (the SDK's
 * key is the schema written out, again, per call).
 */
final class SchemaByIdentity implements JsonSchemaValidator {

    private final ObjectMapper mapper = new ObjectMapper();
    /** Made at the first check, so that a session whose results are all the invoker's never loads it. */
    private volatile SchemaRegistry registry;

    private final Map<Map<String, Object>, Schema> compiled = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Map<String, Object>, Schema> byContent = new ConcurrentHashMap<>();

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        if (schema == null || structuredContent == null) {
            throw new IllegalArgumentException("A schema and a structured result are both needed");
        }
        if (structuredContent instanceof WrittenJson) {
            // Written by the invoker from the records the schema is generated from: see WrittenJson.
            return ValidationResponse.asValid(null);
        }
        try {
            boolean tree = structuredContent instanceof JsonNode;
            JsonNode result = tree ? (JsonNode) structuredContent : mapper.valueToTree(structuredContent);
            List<Error> errors = compiledFor(schema).validate(result);
            if (!errors.isEmpty()) {
                return ValidationResponse.asInvalid(
                        "Validation failed: structuredContent does not match tool outputSchema. Validation errors: "
                                + errors);
            }
            // The text is only used for a result without content, which ours never are (a tree always
            // comes with its text); anything else gets it written as the SDK would.
            return ValidationResponse.asValid(tree ? null : result.toString());
        } catch (RuntimeException e) {
            return ValidationResponse.asInvalid("Unexpected validation error: " + e.getMessage());
        }
    }

    private SchemaRegistry registry() {
        SchemaRegistry made = registry;
        if (made == null) {
            made = SchemaRegistry.withDialect(Dialects.getDraft202012());
            registry = made; // two threads may each make one: either serves
        }
        return made;
    }

    /**
     * Found by the schema object first (the SDK passes the one it registered, every call), else by its
     * content (the same schema described again, as the first-call warm-up does, reuses what was compiled);
     * compiled outside the maps' locks, so a call need not wait while another tool's schema compiles.
     */
    private Schema compiledFor(Map<String, Object> schema) {
        Schema done = compiled.get(schema);
        if (done == null) {
            done = byContent.get(schema);
            if (done == null) {
                done = registry().getSchema(mapper.<JsonNode>valueToTree(schema));
                Schema raced = byContent.putIfAbsent(schema, done);
                done = raced != null ? raced : done;
            }
            compiled.put(schema, done);
        }
        return done;
    }
}
