package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Answers are told from requests and notifications, by layout where the SDK wrote them, else by parsing. */
class ResponseLineTest {

    @Test
    void theSdksResponsesAreKnownByTheirFirstBytes() {
        for (String line : new String[] {
            "{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":{\"content\":[]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":-3,\"error\":{\"code\":-32602,\"message\":\"x\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"result\":{}}"
        }) {
            assertThat(ResponseLine.inSdkLayout(bytes(line))).as(line).isTrue();
            assertThat(ResponseLine.is(bytes(line))).as(line).isTrue();
        }
    }

    @Test
    void otherLayoutsAreParsed() {
        String reordered = "{\"id\":4,\"jsonrpc\":\"2.0\",\"result\":{}}";
        String escapedId = "{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"result\":{}}";

        assertThat(ResponseLine.inSdkLayout(bytes(reordered))).isFalse();
        assertThat(ResponseLine.is(bytes(reordered))).isTrue();
        assertThat(ResponseLine.inSdkLayout(bytes(escapedId))).isFalse();
        assertThat(ResponseLine.is(bytes(escapedId))).isTrue();
    }

    @Test
    void requestsNotificationsAndNoiseAreNotAnswers() {
        for (String line : new String[] {
            "{\"jsonrpc\":\"2.0\",\"method\":\"roots/list\",\"id\":5}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"roots/list\"}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"x\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5",
            "not json",
            ""
        }) {
            assertThat(ResponseLine.is(bytes(line))).as(line).isFalse();
        }
    }

    private static byte[] bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
