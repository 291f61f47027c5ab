package dev.replicasmcp.domain.integration;

/**
 * Where a verified event goes: matched against the organization's automations and fired. Called on a
 * background thread, after the provider has been answered.
 */
@FunctionalInterface
public interface EventSink {

    void deliver(String organizationId, TriggerEvent event);
}
