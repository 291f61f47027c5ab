package dev.replicasmcp.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.WireJson;

/** JSON text as the JSON-shaped values the domain takes, converted as the front doors convert it. */
public final class TestJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJson() {}

    public static Object values(String json) throws JsonProcessingException {
        return WireJson.values(JSON.readTree(json));
    }
}
