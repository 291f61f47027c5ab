package dev.replicasmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.mcp.IncomingCheck.Kind;
import dev.replicasmcp.mcp.IncomingCheck.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check both transports run on each incoming message before the SDK sees it. */
class IncomingCheckTest {

    private final IncomingCheck check = new IncomingCheck(Set.of("list_replicas")::contains, "line");

    private Verdict check(String message) {
        return check.check(message.getBytes(StandardCharsets.UTF_8));
    }

    private static String call(String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":" + params + "}";
    }

    @Test
    void wellFormedMessagesPass() {
        assertThat(check(call("{\"name\":\"list_replicas\",\"arguments\":{}}")))
                .returns(true, Verdict::ok)
                .returns(Kind.REQUEST, Verdict::kind);
        assertThat(check(call("{\"name\":\"list_replicas\"}")).ok())
                .as("arguments may be left out")
                .isTrue();
        assertThat(check(call("{\"name\":\"list_replicas\",\"arguments\":null}"))
                        .ok())
                .isTrue();
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\"}")
                        .ok())
                .isTrue();
        assertThat(check("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .kind())
                .isEqualTo(Kind.NOTIFICATION);
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}"))
                .returns(true, Verdict::ok)
                .returns(Kind.RESPONSE, Verdict::kind);
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":1,\"message\":\"m\"}}"))
                .as("a response to no request")
                .returns(true, Verdict::ok)
                .returns(Kind.IGNORED, Verdict::kind);
    }

    @Test
    void toolsCallParamsAreCheckedMemberByMember() {
        assertThat(check(call("null")))
                .returns(-32602, Verdict::code)
                .returns(4, v -> v.id().asInt())
                .extracting(Verdict::problem)
                .asString()
                .contains("tools/call needs 'params'");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\"}")
                        .problem())
                .contains("needs 'params'");
        assertThat(check(call("[]")).problem()).contains("'params' of tools/call must be an object, not an array");
        assertThat(check(call("{}")).problem()).contains("needs 'name'");
        assertThat(check(call("{\"name\":\"\"}")).problem()).contains("needs 'name'");
        assertThat(check(call("{\"name\":true}")).problem()).contains("'name'", "not true or false");
        assertThat(check(call("{\"name\":\"list_replicas\",\"arguments\":5}")).problem())
                .contains("'arguments'", "not a number");
        assertThat(check(call("{\"name\":\"nope\"}")))
                .returns(-32602, Verdict::code)
                .returns("Unknown tool 'nope'. Call tools/list for the tools this server offers.", Verdict::problem);
        assertThat(check(call("{\"name\":\"" + "n".repeat(500) + "\"}")).problem())
                .as("a long name is cut")
                .hasSizeLessThan(200);
    }

    @Test
    void otherMethodsNeedObjectParamsWhereTheSdkReadsThem() {
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":null}")
                        .problem())
                .contains("initialize needs 'params'");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":\"x\"}")
                        .problem())
                .contains("'params' of tools/list must be an object, not a string");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").ok())
                .isTrue();
        Verdict notification = check("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":[]}");
        assertThat(notification).returns(Kind.NOTIFICATION, Verdict::kind).returns(-32602, Verdict::code);
    }

    @Test
    void envelopesThatAreNotOneMessageAreNamed() {
        assertThat(check(""))
                .returns(-32700, Verdict::code)
                .extracting(Verdict::problem)
                .asString()
                .contains("line is empty");
        assertThat(check("{nope").problem()).contains("not valid JSON");
        assertThat(check("{} {}").code()).as("one message per line").isEqualTo(-32700);
        assertThat(check("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"))
                .returns(-32600, Verdict::code)
                .extracting(Verdict::problem)
                .asString()
                .contains("batches");
        assertThat(check("\"text\"").problem()).contains("JSON object, not a string");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}")
                        .problem())
                .contains("'id'");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999,\"method\":\"ping\"}")
                        .problem())
                .contains("'id'");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}")
                        .problem())
                .contains("'id'");
        assertThat(check("{\"id\":1,\"method\":\"ping\"}"))
                .returns(1, v -> v.id().asInt())
                .extracting(Verdict::problem)
                .asString()
                .contains("'jsonrpc'");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}").problem())
                .contains("'method'");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1}").problem()).contains("'method'", "'result'");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{}}")
                        .problem())
                .contains("exactly one");
        assertThat(check("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}").problem())
                .contains("exactly one");
    }

    @Test
    void theAnswerIsOneJsonRpcErrorLine() {
        assertThat(check.answer(check(call("null"))))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":"
                        + "-32602,\"message\":\"Invalid params: tools/call needs 'params', an object with 'name' (a tool from "
                        + "tools/list) and 'arguments' (an object).\"}}");
        assertThat(check.answer(check("[]"))).startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600");
    }
}
