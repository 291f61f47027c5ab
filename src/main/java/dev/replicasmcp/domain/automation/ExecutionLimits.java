package dev.replicasmcp.domain.automation;

/**
 * How many executions may start per rolling hour (spec §7.7): organization-wide and per automation; null is
 * unlimited, as on the Team plan (the default).
 */
public record ExecutionLimits(Integer organizationPerHour, Integer automationPerHour) {

    public static final ExecutionLimits UNLIMITED = new ExecutionLimits(null, null);
}
