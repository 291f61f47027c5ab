package dev.replicasmcp.domain.audit;

import dev.replicasmcp.domain.Actor;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.Paging;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Records configuration changes and reads them back, newest first, filtered and paged. */
public final class AuditLog {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final AuditStore store;
    private final Clock clock;
    private final Ids ids;

    public AuditLog(AuditStore store, Clock clock, Ids ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** One entry for a change the caller made; before and after are redacted JSON or null. */
    public AuditEntry record(
            Caller caller, String action, String resourceType, String resourceId, String before, String after) {
        Actor actor = caller.actor();
        AuditEntry entry = new AuditEntry(
                ids.get(),
                caller.organizationId(),
                Timestamps.now(clock),
                actor.kind().wire(),
                actor.id(),
                actor.name(),
                action,
                resourceType,
                resourceId,
                before,
                after);
        store.insert(entry);
        return entry;
    }

    /**
     * actor matches the actor's type (api_key, stdio, system), an API key's id or its name; from and to
     * are ISO-8601 instants (from inclusive, to exclusive).
     */
    public AuditPage list(
            Caller caller,
            String action,
            String resourceType,
            String actor,
            String from,
            String to,
            Integer page,
            Integer limit) {
        Paging paging = Paging.of(page, limit, DEFAULT_LIMIT, MAX_LIMIT);
        AuditQuery query = new AuditQuery(
                Validation.optionalTrimmed(action),
                Validation.optionalTrimmed(resourceType),
                Validation.optionalTrimmed(actor),
                instant("from", from),
                instant("to", to),
                paging.page(),
                paging.limit());
        int total = store.count(caller.organizationId(), query);
        List<AuditEntry> entries = paging.offset() >= total
                ? List.of()
                : store.page(caller.organizationId(), query, (int) paging.offset(), paging.limit());
        return new AuditPage(entries, total, paging.page(), paging.limit(), Paging.totalPages(total, paging.limit()));
    }

    /** The stored form of a time filter, so text order is time order. */
    private static String instant(String field, String value) {
        String text = Validation.optionalTrimmed(value);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.format(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("Field '" + field + "' must be an ISO-8601 instant such as "
                    + "2026-01-31T12:00:00Z; got '" + Validation.abbreviate(text, 40) + "'.");
        }
    }
}
