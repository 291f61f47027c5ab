package dev.replicasmcp.ops.defs;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.api.AuditView;
import dev.replicasmcp.domain.audit.AuditPage;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.ops.Toolset;
import java.util.List;

/** Reading the audit log: who changed which configuration, when, with the state before and after. */
public final class AdminOperations {

    private AdminOperations() {}

    public record AuditLogInput(
            @JsonPropertyDescription("e.g. environment.updated, warm_hook.saved")
            String action,

            @JsonPropertyDescription("e.g. environment, environment_variable, replica")
            String resourceType,

            @JsonPropertyDescription("api_key, stdio, system, or an API key's id or name")
            String actor,

            @JsonPropertyDescription("ISO-8601 instant, inclusive, e.g. 2026-01-31T00:00:00Z")
            String from,

            @JsonPropertyDescription("ISO-8601 instant, exclusive")
            String to,

            @JsonPropertyDescription("From 1 (default 1)") Integer page,
            @JsonPropertyDescription("1–200 (default 50)") Integer limit) {}

    public record AuditLogPage(List<AuditView> entries, int total, int page, int limit, int totalPages) {}

    public static List<Operation<?, ?>> all() {
        return List.of(Operation.readOnly(
                        "list_audit_log",
                        "Read the audit log",
                        Toolset.ADMIN,
                        "List configuration changes, newest first: when, who (API key, stdio or system), the "
                                + "action, the resource, and its state before and after with secrets redacted.",
                        AuditLogInput.class,
                        AuditLogPage.class,
                        (ctx, in) -> page(ctx.services()
                                .audit()
                                .list(
                                        ctx.caller(),
                                        in.action(),
                                        in.resourceType(),
                                        in.actor(),
                                        in.from(),
                                        in.to(),
                                        in.page(),
                                        in.limit())))
                .at(Route.get("/v1/audit-log")));
    }

    private static AuditLogPage page(AuditPage page) {
        return new AuditLogPage(
                page.entries().stream().map(AuditView::of).toList(),
                page.total(),
                page.page(),
                page.limit(),
                page.totalPages());
    }
}
