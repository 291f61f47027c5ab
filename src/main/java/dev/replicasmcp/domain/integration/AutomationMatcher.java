package dev.replicasmcp.domain.integration;

import dev.replicasmcp.domain.automation.Automation;
import dev.replicasmcp.domain.automation.TriggerConfig;
import dev.replicasmcp.domain.automation.TriggerConfig.GithubConfig;
import dev.replicasmcp.domain.automation.TriggerConfig.SentryConfig;
import dev.replicasmcp.domain.automation.TriggerConfig.SlackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of an organization's automations an event fires (spec §7.2): enabled ones with a trigger of the
 * event's type and event, whose filters admit it. Pure: the caller hands in the automations and the URLs
 * of the registered repositories, so every filter is tested without a database.
 */
public final class AutomationMatcher {

    /** An automation the event fires, through this trigger config. */
    public record Match(Automation automation, TriggerConfig config) {

        /** Whether later events of the same group go to the replica of the first (grouping is on). */
        public boolean groups(TriggerEvent event) {
            if (config instanceof GithubConfig g) {
                return g.groupPrEvents()
                        && (event.event().equals("pull_request.opened")
                                || event.event().equals("pull_request.synchronize"));
            }
            return config instanceof SlackConfig s && s.groupThreadReplies() && event.threadReply();
        }
    }

    private AutomationMatcher() {}

    /**
     * @param repositoryUrls the organization's registered repositories: id → URL
     */
    public static List<Match> match(
            List<Automation> automations, TriggerEvent event, Map<String, String> repositoryUrls) {
        List<Match> matches = new ArrayList<>();
        for (Automation automation : automations) {
            if (!automation.enabled()) {
                continue;
            }
            automation.triggers().stream()
                    .map(t -> t.config())
                    .filter(c -> event.event().equals(c.event()) && sameProvider(c, event.provider()))
                    .filter(c -> admits(c, event, repositoryUrls))
                    .findFirst()
                    .ifPresent(c -> matches.add(new Match(automation, c)));
        }
        return matches;
    }

    private static boolean sameProvider(TriggerConfig config, Provider provider) {
        return (config instanceof GithubConfig && provider == Provider.GITHUB)
                || (config instanceof SlackConfig && provider == Provider.SLACK)
                || (config instanceof SentryConfig && provider == Provider.SENTRY);
    }

    static boolean admits(TriggerConfig config, TriggerEvent event, Map<String, String> repositoryUrls) {
        TriggerEvent.Attributes a = event.attributes();
        if (config instanceof GithubConfig g) {
            return repositoryAdmitted(g.repositoryIds(), a, repositoryUrls) && !g.excludes(a.actor());
        }
        if (config instanceof SlackConfig s) {
            return s.channelIds().isEmpty() || s.channelIds().contains(a.channelId());
        }
        if (config instanceof SentryConfig s) {
            return (s.projectSlugs().isEmpty() || s.projectSlugs().contains(a.projectSlug()))
                    && s.admitsLevel(a.level());
        }
        return false;
    }

    /**
     * No repository_ids: every repository. Otherwise one of the named repositories must have the event's
     * repository's address (an id no longer registered matches nothing).
     */
    private static boolean repositoryAdmitted(
            List<String> ids, TriggerEvent.Attributes a, Map<String, String> repositoryUrls) {
        if (ids.isEmpty()) {
            return true;
        }
        Set<String> eventUrls = a.repositoryUrls().stream()
                .map(RepositoryUrls::canonical)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return ids.stream()
                .map(repositoryUrls::get)
                .map(RepositoryUrls::canonical)
                .filter(Objects::nonNull)
                .anyMatch(eventUrls::contains);
    }
}
