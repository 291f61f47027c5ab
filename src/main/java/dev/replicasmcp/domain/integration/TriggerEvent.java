package dev.replicasmcp.domain.integration;

import java.util.List;
import java.util.Map;

/**
 * A provider's delivery reduced to what automations match on and what their agent reads.
 *
 * @param event the trigger event, e.g. pull_request.opened, message, issue.created
 * @param attributes what trigger filters compare (repository, actor, channel, project, level)
 * @param groupKey the pull request ("owner/repo#12") or Slack thread ("C123:1700000000.000100") the event
 *     belongs to, for grouping later events onto one replica; null when it has none
 * @param summary the normalised summary embedded in the prompt (JSON-shaped values, in order)
 */
public record TriggerEvent(
        Provider provider,
        String event,
        Attributes attributes,
        String groupKey,
        boolean threadReply,
        Map<String, Object> summary) {

    /**
     * The values filters compare. repositoryUrls holds the forms the repository can be registered as
     * (https clone URL, ssh URL, web URL); absent values are null.
     */
    public record Attributes(
            String repositoryFullName,
            List<String> repositoryUrls,
            String actor,
            String channelId,
            String projectSlug,
            String level) {

        public Attributes {
            repositoryUrls = repositoryUrls == null ? List.of() : List.copyOf(repositoryUrls);
        }

        static Attributes github(String fullName, List<String> urls, String actor) {
            return new Attributes(fullName, urls, actor, null, null, null);
        }

        static Attributes slack(String channelId, String user) {
            return new Attributes(null, List.of(), user, channelId, null, null);
        }

        static Attributes sentry(String projectSlug, String level) {
            return new Attributes(null, List.of(), null, null, projectSlug, level);
        }
    }
}
