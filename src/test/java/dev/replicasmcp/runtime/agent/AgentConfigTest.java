package dev.replicasmcp.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.runtime.process.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --agent-command, --claude-permission-mode and the thinking-level mappings, as documented in the README. */
class AgentConfigTest {

    @Test
    void commandsAreReadPerAgentAndTheLastOneWins() {
        AgentConfig config = AgentConfig.parse(
                List.of("claude=/opt/claude", "codex=scripted", "pi=codex:/opt/pi", "claude=none"),
                true,
                "/usr/bin",
                "bypassPermissions",
                false);
        assertThat(config.commands())
                .containsEntry(CodingAgent.CLAUDE, "none")
                .containsEntry(CodingAgent.CODEX, "scripted")
                .containsEntry(CodingAgent.PI, "codex:/opt/pi");
        assertThat(AgentConfig.CommandSpec.parse(CodingAgent.PI, "codex:/opt/pi"))
                .isEqualTo(new AgentConfig.CommandSpec("codex", "/opt/pi"));
        assertThat(AgentConfig.CommandSpec.parse(CodingAgent.CLAUDE, "/opt/claude"))
                .isEqualTo(new AgentConfig.CommandSpec("claude-code", "/opt/claude"));
        assertThat(config.claudePermissionMode()).isEqualTo("bypassPermissions");
    }

    @Test
    void malformedEntriesSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("claude")).hasMessageContaining("AGENT=COMMAND");
        assertThatThrownBy(() -> parse("gemini=/opt/gemini")).hasMessageContaining("unknown agent 'gemini'");
        assertThatThrownBy(() -> parse("cursor=/opt/cursor")).hasMessageContaining("prefix the command with claude:");
        assertThatThrownBy(() -> parse("scripted=/opt/x")).hasMessageContaining("scripted agent is built in");
        assertThatThrownBy(() -> AgentConfig.parse(List.of(), true, "", "yolo", false))
                .hasMessageContaining("--claude-permission-mode")
                .hasMessageContaining("acceptEdits, auto, bypassPermissions, default, dontAsk, plan");
    }

    @Test
    void everyPermissionModeOfClaudeCodeIsTaken() {
        for (String mode : List.of("acceptEdits", "auto", "bypassPermissions", "default", "dontAsk", "plan")) {
            assertThat(AgentConfig.parse(List.of(), true, "", mode, false).claudePermissionMode())
                    .isEqualTo(mode);
        }
    }

    @Test
    void bypassPermissionsIsRefusedUpFrontWhenTheServerRunsAsRoot() {
        assertThatThrownBy(() -> AgentConfig.parse(List.of(), true, "", "bypassPermissions", true))
                .hasMessageContaining("--claude-permission-mode bypassPermissions")
                .hasMessageContaining("root")
                .hasMessageContaining("acceptEdits, auto, default, dontAsk or plan");
        assertThat(AgentConfig.parse(List.of(), true, "", "auto", true).claudePermissionMode())
                .isEqualTo("auto");
    }

    @Test
    void thinkingLevelsMapToEachCliesOwnScale() {
        assertThat(ClaudeStream.effort(ThinkingLevel.HIGH)).isEqualTo("high");
        assertThat(ClaudeStream.effort(ThinkingLevel.MAX)).isEqualTo("max");
        assertThat(ClaudeStream.effort(ThinkingLevel.ULTRACODE)).isEqualTo("xhigh");
        assertThat(ClaudeStream.effort(null)).isNull();
        assertThat(CodexStream.effort(ThinkingLevel.LOW)).isEqualTo("low");
        assertThat(CodexStream.effort(ThinkingLevel.XHIGH)).isEqualTo("xhigh");
        assertThat(CodexStream.effort(ThinkingLevel.MAX)).isEqualTo("max");
        assertThat(CodexStream.effort(ThinkingLevel.ULTRA)).isEqualTo("ultra");
    }

    @Test
    void secretsAreMaskedLongestFirstAndShortStringsAreLeftAlone() {
        Redactor redactor = new Redactor(List.of("sk-ant-abcdef123456", "sk-ant-abcdef123456-longer", "true"));
        assertThat(redactor.apply("a sk-ant-abcdef123456-longer b sk-ant-abcdef123456 c true"))
                .isEqualTo("a [redacted] b [redacted] c true");
    }

    @Test
    void secretsAreMaskedInDecodedJsonStrings() throws Exception {
        Redactor redactor = new Redactor(List.of("sk-ant-abcdef123456"));
        String line = "{\"text\":\"key sk\\u002dant-abcdef123456 here\",\"list\":[\"sk-ant-abcdef123456\"]}";
        assertThat(redactor.apply(line)).isEqualTo(line.replace("[\"sk-ant-abcdef123456\"]", "[\"[redacted]\"]"));
        com.fasterxml.jackson.databind.JsonNode node =
                redactor.apply(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
        assertThat(node.toString()).isEqualTo("{\"text\":\"key [redacted] here\",\"list\":[\"[redacted]\"]}");
    }

    private static AgentConfig parse(String entry) {
        return AgentConfig.parse(List.of(entry), true, "", AgentConfig.DEFAULT_PERMISSION_MODE, false);
    }
}
