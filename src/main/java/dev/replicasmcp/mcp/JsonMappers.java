package dev.replicasmcp.mcp;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.replicasmcp.api.WireJson;

/**
 * The two JSON dialects of the server: the MCP protocol itself (camelCase, owned by the SDK) and the
 * tool arguments and results (snake_case like the REST API; explicit @JsonProperty names win).
 */
public final class JsonMappers {

    private JsonMappers() {}

    public static ObjectMapper protocol() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // As the tools' mapper does (WireJson): an answer's bytes and its String are the same text.
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
    }

    /** The tool dialect is the wire dialect both front doors share. */
    public static ObjectMapper tools() {
        return WireJson.shared();
    }
}
