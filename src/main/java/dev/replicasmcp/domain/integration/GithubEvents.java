package dev.replicasmcp.domain.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub `pull_request` deliveries as trigger events: opened, synchronize (new commits), and closed, which
 * is `pull_request.merged` when the PR's `merged` is true. Other events (ping, push, issues, ...) and other
 * pull_request actions (labeled, edited, ...) fire nothing.
 */
final class GithubEvents {

    private static final Set<String> ACTIONS = Set.of("opened", "synchronize", "closed");

    private GithubEvents() {}

    static Optional<TriggerEvent> normalise(String eventHeader, Map<String, Object> payload) {
        String action = Tree.text(payload, "action");
        if (!"pull_request".equals(eventHeader) || action == null || !ACTIONS.contains(action)) {
            return Optional.empty();
        }
        Map<String, Object> pr = Tree.object(payload, "pull_request");
        boolean merged = "closed".equals(action) && Boolean.TRUE.equals(pr.get("merged"));
        String event = "pull_request." + (merged ? "merged" : action);
        String fullName = Tree.text(payload, "repository", "full_name");
        String number = Tree.text(pr, "number") != null ? Tree.text(pr, "number") : Tree.text(payload, "number");
        List<String> urls = java.util.stream.Stream.of(
                        Tree.text(payload, "repository", "clone_url"),
                        Tree.text(payload, "repository", "ssh_url"),
                        Tree.text(payload, "repository", "html_url"))
                .filter(Objects::nonNull)
                .toList();
        // The sender caused the event (a push to the branch: whoever pushed); the author opened the PR.
        String actor = Tree.text(payload, "sender", "login");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("provider", "github");
        summary.put("event", event);
        summary.put("repository", fullName);
        summary.put("pr_number", pr.get("number") instanceof Number n ? n : number);
        summary.put("title", Tree.text(pr, "title"));
        summary.put("url", Tree.text(pr, "html_url"));
        summary.put("author", Tree.text(pr, "user", "login"));
        summary.put("sender", actor);
        summary.put("branch", Tree.text(pr, "head", "ref"));
        summary.put("base_branch", Tree.text(pr, "base", "ref"));
        summary.put("head_sha", Tree.text(pr, "head", "sha"));
        return Optional.of(new TriggerEvent(
                Provider.GITHUB,
                event,
                TriggerEvent.Attributes.github(fullName, urls, actor),
                fullName == null || number == null ? null : fullName + "#" + number,
                false,
                summary));
    }
}
