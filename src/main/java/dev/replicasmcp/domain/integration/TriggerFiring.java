package dev.replicasmcp.domain.integration;

import dev.replicasmcp.domain.automation.Automation;
import java.util.Map;
import java.util.Optional;

/**
 * Starts one run of an automation with an event's summary as its trigger payload (the execution runner:
 * records the execution, creates the replica, sends the prompt). Answers the replica's id once known,
 * for grouping later events onto it; empty when the run failed before a replica existed.
 */
@FunctionalInterface
public interface TriggerFiring {

    Optional<String> fire(Automation automation, Map<String, Object> payload);
}
