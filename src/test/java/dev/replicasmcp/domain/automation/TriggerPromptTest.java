package dev.replicasmcp.domain.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first message of an automation run, byte for byte as spec §7.4 (JSON.stringify(payload, null, 2)). */
class TriggerPromptTest {

    @Test
    void thePromptThenTheHeadingThenThePayloadInAFencedBlock() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ref", "main");
        payload.put("count", 3);
        payload.put("ok", true);
        payload.put("none", null);
        payload.put("tags", List.of("a", "b"));
        payload.put("nested", Map.of("x", 1.5));
        payload.put("empty", Map.of());
        payload.put("list", List.of());

        assertThat(TriggerPrompt.of("Update the dependencies.", payload))
                .isEqualTo("Update the dependencies.\n\n## Trigger Payload\n\n```json\n"
                        + "{\n"
                        + "  \"ref\": \"main\",\n"
                        + "  \"count\": 3,\n"
                        + "  \"ok\": true,\n"
                        + "  \"none\": null,\n"
                        + "  \"tags\": [\n"
                        + "    \"a\",\n"
                        + "    \"b\"\n"
                        + "  ],\n"
                        + "  \"nested\": {\n"
                        + "    \"x\": 1.5\n"
                        + "  },\n"
                        + "  \"empty\": {},\n"
                        + "  \"list\": []\n"
                        + "}\n```");
    }

    @Test
    void anEmptyOrMissingPayloadIsAnEmptyObject() {
        String expected = "P\n\n## Trigger Payload\n\n```json\n{}\n```";
        assertThat(TriggerPrompt.of("P", Map.of())).isEqualTo(expected);
        assertThat(TriggerPrompt.of("P", null)).isEqualTo(expected);
    }

    @Test
    void stringsAreEscapedAsJavaScriptDoes() {
        Map<String, Object> payload = Map.of("raw", "a\"b\\c\n\t\u0001é😀/\ud800");
        assertThat(TriggerPrompt.of("P", payload))
                .isEqualTo(
                        "P\n\n## Trigger Payload\n\n```json\n{\n  \"raw\": \"a\\\"b\\\\c\\n\\t\\u0001é😀/\\ud800\"\n}\n```");
    }

    @Test
    void numbersArePrintedAsJavaScriptPrintsThem() {
        assertThat(PrettyJson.number(1.0)).isEqualTo("1");
        assertThat(PrettyJson.number(-0.5)).isEqualTo("-0.5");
        assertThat(PrettyJson.number(0.000001)).isEqualTo("0.000001");
        assertThat(PrettyJson.number(1e-7)).isEqualTo("1e-7");
        assertThat(PrettyJson.number(1e21)).isEqualTo("1e+21");
        assertThat(PrettyJson.number(123456789012345680000.0)).isEqualTo("123456789012345680000");
        assertThat(PrettyJson.number(1.25e-10)).isEqualTo("1.25e-10");
        assertThat(PrettyJson.number(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThat(PrettyJson.number(new BigDecimal("2.50"))).isEqualTo("2.5");
    }
}
