package dev.replicasmcp.domain.integration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slack Events API `event_callback` deliveries carrying a `message` event, as trigger events. What is
 * ignored, and why:
 *
 * <ul>
 *   <li>messages from bots (a `bot_id`, or subtype `bot_message`): the agent's own replies in a thread
 *       would otherwise start more runs, a loop;
 *   <li>subtypes `message_changed` and `message_deleted` (an edit or deletion is not a new message),
 *       `message_replied` (a notice about a thread, not a message) and the channel bookkeeping subtypes
 *       (`channel_join`, `channel_leave`, topic and purpose changes, ...);
 *   <li>`thread_broadcast` and `file_share` are kept: a person wrote them.
 * </ul>
 */
final class SlackEvents {

    private SlackEvents() {}

    static Optional<TriggerEvent> normalise(Map<String, Object> payload) {
        if (!"event_callback".equals(Tree.text(payload, "type"))) {
            return Optional.empty();
        }
        Map<String, Object> event = Tree.object(payload, "event");
        if (!"message".equals(Tree.text(event, "type")) || event.get("bot_id") != null) {
            return Optional.empty();
        }
        String subtype = Tree.text(event, "subtype");
        if (subtype != null && !subtype.equals("thread_broadcast") && !subtype.equals("file_share")) {
            return Optional.empty();
        }
        String channel = Tree.text(event, "channel");
        String ts = Tree.text(event, "ts");
        String threadTs = Tree.text(event, "thread_ts");
        // A reply carries thread_ts = its root's ts; a root message has none (or its own ts).
        String root = threadTs != null ? threadTs : ts;
        boolean reply = threadTs != null && !threadTs.equals(ts);
        String user = Tree.text(event, "user");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("provider", "slack");
        summary.put("event", "message");
        summary.put("channel", channel);
        summary.put("user", user);
        summary.put("text", Tree.text(event, "text"));
        summary.put("ts", ts);
        summary.put("thread_ts", root);
        summary.put("is_thread_reply", reply);
        summary.put("team", Tree.text(payload, "team_id"));
        return Optional.of(new TriggerEvent(
                Provider.SLACK,
                "message",
                TriggerEvent.Attributes.slack(channel, user),
                channel == null || root == null ? null : channel + ":" + root,
                reply,
                summary));
    }
}
