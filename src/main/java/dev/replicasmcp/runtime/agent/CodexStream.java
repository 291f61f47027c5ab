package dev.replicasmcp.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replicasmcp.domain.agent.AgentEvent;
import dev.replicasmcp.domain.agent.AgentEvents;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.agent.TurnOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Codex non-interactive: {@code codex exec --json ... [resume <thread_id>] -- <prompt>}. Its JSONL events
 * become spec §6.2 shapes: agent messages → response_item message, reasoning → event_msg agent_reasoning,
 * commands → function_call shell_command + function_call_output, file changes → custom_tool_call
 * apply_patch + its output, MCP calls and searches → function_call, to-do lists → update_plan. Plan mode
 * runs in the read-only sandbox; thinking levels are passed as model_reasoning_effort as named.
 */
final class CodexStream implements AgentStream {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final TurnInput input;
    private final Set<String> started = new HashSet<>();
    private String threadId;
    private boolean completed;
    private String failure;
    private String lastError;

    CodexStream(TurnInput input) {
        this.input = input;
        this.threadId = input.resumeId();
    }

    @Override
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of(
                "exec",
                "--json",
                "--skip-git-repo-check",
                "--cd",
                input.cwd().toString(),
                "--sandbox",
                input.request().planMode() ? "read-only" : "workspace-write"));
        if (input.request().model() != null) {
            args.addAll(List.of("--model", input.request().model()));
        }
        String effort = effort(input.request().thinkingLevel());
        if (effort != null) {
            args.addAll(List.of("--config", "model_reasoning_effort=\"" + effort + "\""));
        }
        if (input.resumeId() != null) {
            args.addAll(List.of("resume", input.resumeId()));
        }
        for (Path image : input.imageFiles()) {
            args.addAll(List.of("--image", image.toString()));
        }
        args.add("--");
        args.add(input.viaStdin() ? "-" : input.prompt());
        return args;
    }

    @Override
    public String threadId() {
        return threadId;
    }

    /**
     * Codex's model_reasoning_effort takes every level as named (minimal|low|medium|high|xhigh|max|ultra,
     * checked against Codex 0.171). ultracode is Claude-only and refused before a turn reaches here.
     */
    static String effort(ThinkingLevel level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case LOW, MEDIUM, HIGH, XHIGH, MAX, ULTRA -> level.wire();
            case ULTRACODE -> "xhigh";
        };
    }

    @Override
    public List<AgentEvent> accept(JsonNode line, String ts) {
        switch (line.path("type").asText("")) {
            case "thread.started" -> threadId = line.path("thread_id").asText(threadId);
            case "item.started", "item.updated" -> {
                return progress(line.path("item"), ts);
            }
            case "item.completed" -> {
                return completed(line.path("item"), ts);
            }
            case "turn.completed" -> {
                completed = true;
                return List.of(AgentEvents.result(CodingAgent.CODEX, ts, threadId, true, null));
            }
            case "turn.failed" -> failure = line.path("error").path("message").asText("Codex reported a failed turn.");
            case "error" -> {
                lastError = line.path("message").asText("");
                return List.of(reasoning(ts, "Error: " + lastError));
            }
            default -> {
                // turn.started and events of newer Codex versions add nothing to history.
            }
        }
        return List.of();
    }

    private List<AgentEvent> progress(JsonNode item, String ts) {
        String id = item.path("id").asText();
        return switch (item.path("type").asText()) {
            case "command_execution", "mcp_tool_call" -> started.add(id) ? List.of(call(item, ts)) : List.of();
            case "todo_list" -> List.of(plan(item, ts));
            default -> List.of();
        };
    }

    private List<AgentEvent> completed(JsonNode item, String ts) {
        List<AgentEvent> events = new ArrayList<>();
        String id = item.path("id").asText();
        switch (item.path("type").asText()) {
            case "agent_message" ->
                events.add(AgentEvents.assistantText(
                        CodingAgent.CODEX, ts, item.path("text").asText()));
            case "reasoning" -> events.add(reasoning(ts, item.path("text").asText()));
            case "command_execution", "mcp_tool_call" -> {
                if (started.add(id)) {
                    events.add(call(item, ts));
                }
                events.add(callOutput(item, ts));
            }
            case "file_change" -> events.addAll(patch(item, ts));
            case "web_search" ->
                events.add(functionCall(
                        ts,
                        id,
                        "web_search",
                        JSON.objectNode().put("query", item.path("query").asText())));
            case "error" ->
                events.add(reasoning(ts, "Error: " + item.path("message").asText()));
            default -> {
                // todo_list was shown as it changed; unknown items are left out.
            }
        }
        return events;
    }

    private static AgentEvent call(JsonNode item, String ts) {
        String id = item.path("id").asText();
        if (item.path("type").asText().equals("mcp_tool_call")) {
            return functionCall(
                    ts,
                    id,
                    "mcp__" + item.path("server").asText() + "__"
                            + item.path("tool").asText(),
                    item.path("arguments").isObject() ? item.path("arguments") : JSON.objectNode());
        }
        return functionCall(
                ts,
                id,
                "shell_command",
                JSON.objectNode().put("command", item.path("command").asText()));
    }

    private static AgentEvent callOutput(JsonNode item, String ts) {
        String output;
        if (item.path("type").asText().equals("mcp_tool_call")) {
            output = item.path("error").isMissingNode() || item.path("error").isNull()
                    ? item.path("result").toString()
                    : "Error: " + item.path("error").path("message").asText();
        } else {
            output = "Exit code: " + item.path("exit_code").asText("?") + "\nOutput:\n"
                    + item.path("aggregated_output").asText();
        }
        ObjectNode payload = JSON.objectNode()
                .put("type", "function_call_output")
                .put("call_id", item.path("id").asText())
                .put("output", output);
        return new AgentEvent(ts, "response_item", JsonValues.fields(payload));
    }

    private static AgentEvent plan(JsonNode item, String ts) {
        ObjectNode arguments = JSON.objectNode();
        item.path("items")
                .forEach(step -> arguments
                        .withArray("plan")
                        .addObject()
                        .put("step", step.path("text").asText())
                        .put("status", step.path("completed").asBoolean() ? "completed" : "pending"));
        return functionCall(ts, item.path("id").asText(), "update_plan", arguments);
    }

    /** A file change is shown as the apply_patch call Codex made and its result. */
    private static List<AgentEvent> patch(JsonNode item, String ts) {
        StringBuilder patch = new StringBuilder("*** Begin Patch\n");
        StringBuilder summary = new StringBuilder();
        for (JsonNode change : item.path("changes")) {
            String kind = change.path("kind").asText("update");
            String verb = kind.equals("add") ? "Add" : kind.equals("delete") ? "Delete" : "Update";
            patch.append("*** ")
                    .append(verb)
                    .append(" File: ")
                    .append(change.path("path").asText())
                    .append('\n');
            summary.append(verb.charAt(0) == 'U' ? 'M' : verb.charAt(0))
                    .append(' ')
                    .append(change.path("path").asText())
                    .append('\n');
        }
        patch.append("*** End Patch\n");
        boolean ok = !item.path("status").asText("completed").equals("failed");
        String id = item.path("id").asText();
        ObjectNode call = JSON.objectNode()
                .put("type", "custom_tool_call")
                .put("call_id", id)
                .put("name", "apply_patch")
                .put("input", patch.toString())
                .put("status", ok ? "completed" : "failed");
        ObjectNode result = JSON.objectNode()
                .put("output", ok ? "Success. Updated the following files:\n" + summary : "Applying the patch failed.");
        result.putObject("metadata").put("exit_code", ok ? 0 : 1);
        ObjectNode output = JSON.objectNode()
                .put("type", "custom_tool_call_output")
                .put("call_id", id)
                .put("output", result.toString());
        return List.of(
                new AgentEvent(ts, "response_item", JsonValues.fields(call)),
                new AgentEvent(ts, "response_item", JsonValues.fields(output)));
    }

    private static AgentEvent functionCall(String ts, String id, String name, JsonNode arguments) {
        ObjectNode payload = JSON.objectNode()
                .put("type", "function_call")
                .put("call_id", id)
                .put("name", name)
                .put("arguments", arguments.toString());
        return new AgentEvent(ts, "response_item", JsonValues.fields(payload));
    }

    private static AgentEvent reasoning(String ts, String text) {
        return new AgentEvent(
                ts,
                "event_msg",
                JsonValues.fields(
                        JSON.objectNode().put("type", "agent_reasoning").put("text", text)));
    }

    @Override
    public TurnOutcome outcome(int exitCode, String stderr) {
        if (failure != null) {
            return TurnOutcome.failed(threadId, "Codex reported a failed turn: " + AgentStream.abbreviate(failure));
        }
        if (!completed) {
            return TurnOutcome.failed(
                    threadId,
                    AgentStream.stoppedEarly(
                            "codex", exitCode, lastError != null && !lastError.isBlank() ? lastError : stderr));
        }
        if (exitCode != 0) {
            return TurnOutcome.failed(
                    threadId,
                    "Codex exited with code " + exitCode + " after the turn completed"
                            + (stderr.isBlank() ? "." : ": " + AgentStream.abbreviate(stderr)));
        }
        return TurnOutcome.completed(threadId);
    }
}
