package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The output-schema check still rejects what the schema does not allow, on trees and on other values. */
class SchemaByIdentityTest {

    private static final Map<String, Object> SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of("total", Map.of("type", "integer"), "events", Map.of("type", "array")),
            "required", List.of("total"));

    private final SchemaByIdentity validator = new SchemaByIdentity();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aTreeThatMatchesPassesAndIsNotWrittenOut() {
        ObjectNode result = mapper.createObjectNode().put("total", 3);
        result.putArray("events").add("a");

        ValidationResponse response = validator.validate(SCHEMA, result);

        assertThat(response.valid()).isTrue();
        assertThat(response.jsonStructuredOutput()).isNull();
    }

    @Test
    void aTreeThatDoesNotMatchFailsNamingTheField() {
        ValidationResponse wrongType =
                validator.validate(SCHEMA, mapper.createObjectNode().put("total", "three"));
        ValidationResponse missing = validator.validate(SCHEMA, mapper.createObjectNode());

        assertThat(wrongType.valid()).isFalse();
        assertThat(wrongType.errorMessage()).contains("total");
        assertThat(missing.valid()).isFalse();
        assertThat(missing.errorMessage()).contains("total");
    }

    @Test
    void aValueThatIsNotATreeIsCheckedAndWrittenAsTheSdkWould() {
        ValidationResponse ok = validator.validate(SCHEMA, Map.of("total", 2));
        ValidationResponse bad = validator.validate(SCHEMA, Map.of("total", List.of()));

        assertThat(ok.valid()).isTrue();
        assertThat(ok.jsonStructuredOutput()).isEqualTo("{\"total\":2}");
        assertThat(bad.valid()).isFalse();
    }

    @Test
    void theSameSchemaObjectIsCompiledOnceAndAnEqualCopyIsStillChecked() {
        Map<String, Object> copy = Map.copyOf(SCHEMA);

        assertThat(validator
                        .validate(SCHEMA, mapper.createObjectNode().put("total", 1))
                        .valid())
                .isTrue();
        assertThat(validator
                        .validate(copy, mapper.createObjectNode().put("total", true))
                        .valid())
                .isFalse();
    }
}
