package dev.replicasmcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawUtf8Test {

    private final ObjectMapper mapper = new ObjectMapper();
    private final byte[] json = "{\"a\":\"é \\\"q\\\" 😀\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void itIsWrittenAsItIsByEitherKindOfGenerator() throws Exception {
        Map<String, Object> holder = Map.of("v", new RawValue(new RawUtf8(json)));
        String expected = "{\"v\":" + new String(json, StandardCharsets.UTF_8) + "}";

        assertThat(mapper.writeValueAsString(holder)).isEqualTo(expected);
        assertThat(new String(mapper.writeValueAsBytes(holder), StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    @Test
    void itsQuotedFormIsJacksonsQuotingOfItsText() throws Exception {
        RawUtf8 raw = new RawUtf8(json);
        String quoted = mapper.writeValueAsString(raw.getValue());

        assertThat("\"" + new String(raw.asQuotedUTF8(), StandardCharsets.UTF_8) + "\"")
                .isEqualTo(quoted);
        assertThat("\"" + new String(raw.asQuotedChars()) + "\"").isEqualTo(quoted);
    }

    @Test
    void intoATreeItIsTheValueNotARawOne() {
        JsonNode tree = mapper.valueToTree(Map.of("v", new WrittenBytes(json)));
        assertThat(tree.path("v").path("a").asText()).isEqualTo("é \"q\" 😀");
    }

    /** A value that writes itself with RawUtf8.write, as the server's raw results do. */
    private record WrittenBytes(byte[] utf8) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator gen, SerializerProvider p) throws IOException {
            RawUtf8.write(gen, utf8);
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider p, TypeSerializer t) throws IOException {
            serialize(gen, p);
        }
    }
}
