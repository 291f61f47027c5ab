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

        byte[] out = new byte[utf8.length * 2];
        int length = JsonQuoting.escape(utf8, out);

        assertThat(length).isPositive();
        assertThat("\"" + new String(out, 0, length, StandardCharsets.UTF_8) + "\"")
                .isEqualTo(jacksonQuoted);
    }

    @Test
    void aRawControlCharacterIsLeftToJackson() {
        assertThat(escape("\"a\u0001b\"")).isEqualTo(-1);
        assertThat(escape("\"a\nb\"")).isEqualTo(-1);
        assertThat(escape("")).isZero();
        assertThat(escape("\"\\\"")).isEqualTo(6);
    }

    private static int escape(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return JsonQuoting.escape(utf8, new byte[utf8.length * 2]);
    }
}
