package dev.replicasmcp.app;

import dev.replicasmcp.domain.automation.ExecutionLimits;
import picocli.CommandLine.Option;

/** The command-line flags of automation runs (mixed into {@link Main}): the hourly limits of spec §7.7. */
final class AutomationFlags {

    @Option(
            names = "--automation-org-executions-per-hour",
            paramLabel = "N",
            description = "At most N automation executions start per rolling hour across the organization "
                    + "(1-1000000); one more is recorded as failed and creates no replica. Default: unlimited.")
    Integer organizationPerHour;

    @Option(
            names = "--automation-executions-per-hour",
            paramLabel = "N",
            description = "At most N executions of one automation start per rolling hour (1-1000000); one more is "
                    + "recorded as failed and creates no replica. Default: unlimited.")
    Integer automationPerHour;

    /** The limits these flags describe; an IllegalArgumentException names the flag that is out of range. */
    ExecutionLimits limits() {
        if (organizationPerHour != null) {
            FlagRange.within("--automation-org-executions-per-hour", organizationPerHour, 1, 1_000_000);
        }
        if (automationPerHour != null) {
            FlagRange.within("--automation-executions-per-hour", automationPerHour, 1, 1_000_000);
        }
        return new ExecutionLimits(organizationPerHour, automationPerHour);
    }
}
