package dev.replicasmcp.domain.automation;

import java.util.List;
import java.util.Locale;

/**
 * The config of a trigger, one record per type (spec §7.2). Lists are never null: an empty list means no
 * filter (every repository, channel or project), as when the field is left out.
 */
public sealed interface TriggerConfig {

    TriggerType type();

    /** The event it listens for; null for cron and custom, which have none. */
    default String event() {
        return null;
    }

    /** {schedule, timezone}; timezone is an IANA zone id, "UTC" when not given. */
    record CronConfig(String schedule, String timezone) implements TriggerConfig {
        @Override
        public TriggerType type() {
            return TriggerType.CRON;
        }
    }

    /** A GitHub pull request event; actors are matched case-insensitively with a leading '@' ignored. */
    record GithubConfig(
            String event,
            List<String> repositoryIds,
            boolean groupPrEvents,
            List<String> excludedActors,
            boolean attachToUser)
            implements TriggerConfig {

        public static final List<String> EVENTS = List.of(
                "pull_request.opened",
                "pull_request.synchronize",
                "pull_request.merged",
                "pull_request.closed",
                "pull_request.command");

        public GithubConfig {
            repositoryIds = List.copyOf(repositoryIds);
            excludedActors = List.copyOf(excludedActors);
        }

        @Override
        public TriggerType type() {
            return TriggerType.GITHUB;
        }

        /** Whether this GitHub login is in excluded_actors (case-insensitive, leading '@' ignored). */
        public boolean excludes(String login) {
            if (login == null) {
                return false;
            }
            String wanted = actor(login);
            return excludedActors.stream().anyMatch(a -> actor(a).equals(wanted));
        }

        private static String actor(String name) {
            String trimmed = name.trim();
            return (trimmed.startsWith("@") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
        }
    }

    /** A Slack message; thread replies go to the root message's replica unless groupThreadReplies is off. */
    record SlackConfig(String event, List<String> channelIds, boolean groupThreadReplies) implements TriggerConfig {

        public static final List<String> EVENTS = List.of("message");

        public SlackConfig {
            channelIds = List.copyOf(channelIds);
        }

        @Override
        public TriggerType type() {
            return TriggerType.SLACK;
        }
    }

    /** A Sentry alert, issue or error; minLevel (null: every level) is inclusive. */
    record SentryConfig(String event, List<String> projectSlugs, String minLevel) implements TriggerConfig {

        public static final List<String> EVENTS = List.of("event_alert.triggered", "issue.created", "error.created");

        /** Sentry's levels, least severe first. */
        public static final List<String> LEVELS = List.of("debug", "info", "warning", "error", "fatal");

        public SentryConfig {
            projectSlugs = List.copyOf(projectSlugs);
        }

        @Override
        public TriggerType type() {
            return TriggerType.SENTRY;
        }

        /** Whether an event of this level passes min_level; an unknown level passes only without a minimum. */
        public boolean admitsLevel(String level) {
            if (minLevel == null) {
                return true;
            }
            int rank = level == null ? -1 : LEVELS.indexOf(level.toLowerCase(Locale.ROOT));
            return rank >= LEVELS.indexOf(minLevel);
        }
    }

    /** Fired by POST /v1/automations/webhook/{webhook_token}; holds nothing. */
    record CustomConfig() implements TriggerConfig {
        @Override
        public TriggerType type() {
            return TriggerType.CUSTOM;
        }
    }
}
