package dev.replicasmcp.domain.integration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentry integration-platform deliveries as trigger events. The event is the Sentry-Hook-Resource header
 * and the payload's action: issue + created → issue.created, error + created → error.created,
 * event_alert + triggered → event_alert.triggered. Other resources and actions (issue.resolved,
 * metric_alert, comment, installation) fire nothing.
 */
final class SentryEvents {

    /** The API URL of an event names its project: .../api/0/projects/{org}/{project}/events/{id}/. */
    private static final Pattern PROJECT_IN_URL = Pattern.compile("/projects/[^/]+/([^/]+)/events/");

    private SentryEvents() {}

    static Optional<TriggerEvent> normalise(String resource, Map<String, Object> payload) {
        String action = Tree.text(payload, "action");
        String event = resource + "." + action;
        Map<String, Object> item;
        String project;
        String url;
        switch (event) {
            case "issue.created" -> {
                item = Tree.object(payload, "data", "issue");
                project = Tree.text(item, "project", "slug");
                url = Tree.text(item, "web_url") != null
                        ? Tree.text(item, "web_url")
                        : Tree.text(item, "permalink") != null
                                ? Tree.text(item, "permalink")
                                : Tree.text(payload, "data", "web_url");
            }
            case "error.created" -> {
                item = Tree.object(payload, "data", "error");
                project = projectFromUrl(Tree.text(item, "url"));
                url = Tree.text(item, "web_url");
            }
            case "event_alert.triggered" -> {
                item = Tree.object(payload, "data", "event");
                project = projectFromUrl(Tree.text(item, "url"));
                url = Tree.text(item, "web_url");
            }
            default -> {
                return Optional.empty();
            }
        }
        String level = Tree.text(item, "level");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("provider", "sentry");
        summary.put("event", event);
        summary.put("project", project);
        summary.put("level", level);
        summary.put("title", Tree.text(item, "title"));
        summary.put("culprit", Tree.text(item, "culprit"));
        summary.put("url", url);
        if (event.equals("event_alert.triggered")) {
            summary.put("rule", Tree.text(payload, "data", "triggered_rule"));
        }
        return Optional.of(new TriggerEvent(
                Provider.SENTRY, event, TriggerEvent.Attributes.sentry(project, level), null, false, summary));
    }

    private static String projectFromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = PROJECT_IN_URL.matcher(url);
        return m.find() ? m.group(1) : null;
    }
}
