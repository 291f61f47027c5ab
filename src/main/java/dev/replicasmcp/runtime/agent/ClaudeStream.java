package dev.replicasmcp.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.agent.TurnOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Claude Code headless: {@code claude -p <prompt> --output-format stream-json --verbose}, resuming the
 * chat's session with {@code --resume <session_id>}. Each stream-json line becomes one event: system →
 * claude-system, assistant (text, thinking, tool use) → claude-assistant, user (tool results) →
 * claude-user, result → claude-result. Thinking levels map to {@code --effort} (ultracode, a session mode
 * of the interactive CLI, to xhigh); plan mode is {@code --permission-mode plan}.
 */
final class ClaudeStream implements AgentStream {

    private final TurnInput input;
    private final String permissionMode;
    private String sessionId;
    private boolean resultSeen;
    private String resultError;

    ClaudeStream(TurnInput input, String permissionMode) {
        this.input = input;
        this.permissionMode = permissionMode;
        this.sessionId = input.resumeId();
    }

    @Override
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("-p"));
        if (!input.viaStdin()) {
            args.add(input.prompt());
        }
        args.addAll(List.of("--output-format", "stream-json", "--verbose"));
        if (input.resumeId() != null) {
            args.addAll(List.of("--resume", input.resumeId()));
        }
        if (input.request().model() != null) {
            args.addAll(List.of("--model", input.request().model()));
        }
        args.addAll(List.of("--permission-mode", input.request().planMode() ? "plan" : permissionMode));
        String effort = effort(input.request().thinkingLevel());
        if (effort != null) {
            args.addAll(List.of("--effort", effort));
        }
        String instructions = input.request().context().systemPrompt();
        if (instructions != null) {
            args.addAll(List.of("--append-system-prompt", instructions));
        }
        Path mcp = input.home().resolve(".mcp.json");
        if (Files.isRegularFile(mcp)) {
            // The environment's MCP servers are written to the home; the agent works in the repository.
            args.addAll(List.of("--mcp-config", mcp.toString()));
        }
        return args;
    }

    @Override
    public String threadId() {
        return sessionId;
    }

    static String effort(ThinkingLevel level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case LOW, MEDIUM, HIGH, XHIGH, MAX -> level.wire();
            case ULTRACODE, ULTRA -> "xhigh";
        };
    }

    @Override
    public List<AgentEvent> accept(JsonNode line, String timestamp) {
        if (line.path("session_id").isTextual()) {
            sessionId = line.path("session_id").asText();
        }
        String type = line.path("type").asText("");
        return switch (type) {
            case "assistant" ->
                List.of(new AgentEvent(timestamp, "claude-assistant", JsonValues.fields(withThinkingText(line))));
            case "user" -> List.of(new AgentEvent(timestamp, "claude-user", JsonValues.fields(line)));
            case "result" -> List.of(new AgentEvent(timestamp, "claude-result", JsonValues.fields(result(line))));
            // Partial deltas (--include-partial-messages) are not history: the whole message follows.
            case "stream_event" -> List.of();
            default -> List.of(new AgentEvent(timestamp, "claude-system", JsonValues.fields(line)));
        };
    }

    /** Spec §6.2 reads a thinking block's text from `text`; Claude Code writes it in `thinking`. */
    private static JsonNode withThinkingText(JsonNode line) {
        for (JsonNode block : line.path("message").path("content")) {
            if (block instanceof ObjectNode object
                    && "thinking".equals(block.path("type").asText())
                    && !block.has("text")
                    && block.path("thinking").isTextual()) {
                object.put("text", block.path("thinking").asText());
            }
        }
        return line;
    }

    /** A result is a success only with subtype success and no is_error; anything else fails the turn. */
    private JsonNode result(JsonNode line) {
        resultSeen = true;
        boolean isError = line.path("is_error").asBoolean(false);
        String subtype = line.path("subtype").asText("");
        if (subtype.equals("success") && !isError) {
            return line;
        }
        ObjectNode result = ((ObjectNode) line)
                .put("subtype", subtype.equals("success") || subtype.isEmpty() ? "error" : subtype)
                .put("is_error", true);
        if (!result.path("errors").isArray() || result.path("errors").isEmpty()) {
            ArrayNode errors = result.putArray("errors");
            errors.add(
                    line.path("result").isTextual()
                                    && !line.path("result").asText().isBlank()
                            ? line.path("result").asText()
                            : "Claude Code ended the turn with '" + subtype + "'.");
        }
        List<String> messages = new ArrayList<>();
        result.path("errors").forEach(e -> messages.add(e.asText()));
        resultError = "Claude Code reported an error: " + AgentStream.abbreviate(String.join("; ", messages));
        return result;
    }

    @Override
    public TurnOutcome outcome(int exitCode, String stderr) {
        if (resultError != null) {
            return TurnOutcome.failedRecorded(sessionId, resultError);
        }
        if (!resultSeen) {
            return TurnOutcome.failed(sessionId, AgentStream.stoppedEarly("claude", exitCode, stderr));
        }
        if (exitCode != 0) {
            return TurnOutcome.failed(
                    sessionId,
                    "Claude Code exited with code " + exitCode + " after its result"
                            + (stderr.isBlank() ? "." : ": " + AgentStream.abbreviate(stderr)));
        }
        return TurnOutcome.completed(sessionId);
    }
}
