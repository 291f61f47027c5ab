package dev.replicasmcp.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Agent output becomes domain values and is written back as the same JSON text (history rows, SSE). */
class JsonValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAgentLineWritesBackByteForByte() throws Exception {
        String line = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"duration_ms\":1234,"
                + "\"total_cost_usd\":0.0123,\"big\":12345678901234567890,\"long\":9007199254740993,"
                + "\"ratio\":1.0E-7,\"nothing\":null,\"nested\":{\"z\":1,\"a\":[true,\"x\",2.5,{}]},\"empty\":[],"
                + "\"text\":\"caf\\u00e9 \\\"q\\\" \\n\"}";
        JsonNode tree = JSON.readTree(line);
        assertThat(JSON.writeValueAsString(JsonValues.fields(tree))).isEqualTo(JSON.writeValueAsString(tree));
    }

    @Test
    void onlyAJsonObjectIsReadAndNothingIsThrown() {
        JsonValues reader = new JsonValues();
        assertThat(reader.readObject("{\"region\":\"eu-west-1\"}"))
                .hasValueSatisfying(fields -> assertThat(fields).containsEntry("region", "eu-west-1"));
        assertThat(reader.readObject("[1]")).isEmpty();
        assertThat(reader.readObject("sk-not-json")).isEmpty();
        assertThat(reader.readObject("")).isEmpty();
    }
}
