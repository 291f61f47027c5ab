package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonQuotingTest {

    private final ObjectMapper mapper = JsonMappers.protocol();

    @Test
    void aCompactJsonTextIsQuotedAsJacksonQuotesItsString() throws Exception {
        ObjectNode tree = mapper.createObjectNode()
                .put("quotes", "say \"hi\"")
                .put("backslashes", "C:\\temp\\ \\\"")
                .put("lines", "one\ntwo\r\tthree\u0000")
                .put("unicode", "é ü 漢字 😀 \u2028\u2029 \u007f </script>");
        byte[] utf8 = mapper.writeValueAsBytes(tree);
        String jacksonQuoted = mapper.writeValueAsString(new String(utf8, StandardCharsets.UTF_8));

        byte[] escaped = JsonQuoting.escaped(utf8);

        assertThat(escaped).isNotNull();
        assertThat("\"" + new String(escaped, StandardCharsets.UTF_8) + "\"").isEqualTo(jacksonQuoted);
    }

    @Test
    void aRawControlCharacterIsLeftToJackson() {
        assertThat(JsonQuoting.escaped("\"a\u0001b\"".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(JsonQuoting.escaped("\"a\nb\"".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(JsonQuoting.escaped(new byte[0])).isEmpty();
    }
}
