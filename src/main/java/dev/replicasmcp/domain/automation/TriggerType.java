package dev.replicasmcp.domain.automation;

import dev.replicasmcp.domain.WireName;

/**
 * What can fire an automation (spec §7.2). GitLab is in the reference's enum but this server has no GitLab
 * receiver, so it is not a value here: the parser refuses it with a message saying so.
 */
public enum TriggerType implements WireName {
    CRON,
    GITHUB,
    SLACK,
    SENTRY,
    CUSTOM
}
