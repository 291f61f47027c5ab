package dev.replicasmcp.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.audit.AuditLog;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of every operation, from either door: parses the fields into the input record,
 * runs the handler, records the audit entry, and turns a failure into an {@link Outcome} the door
 * renders (isError text over MCP, {error, details} and a status over REST). Bugs are logged here and
 * answered without a trace.
 */
public final class Invoker {

    private static final Logger LOG = LoggerFactory.getLogger(Invoker.class);

    private final ObjectMapper mapper;
    private final Transactions tx;
    private final AuditLog audit;

    public Invoker(ObjectMapper mapper, Transactions tx, AuditLog audit) {
        this.mapper = mapper;
        this.tx = tx;
        this.audit = audit;
    }

    public <I, O> Outcome invoke(Operation<I, O> op, Map<String, ?> fields, OperationContext context) {
        try {
            I input = WireJson.parse(mapper, op.input(), fields == null ? Map.of() : fields, "input schema");
            return Outcome.of(run(op, input, context));
        } catch (DomainException e) {
            return Outcome.failed(status(e.kind()), e.getMessage(), e.details());
        } catch (RuntimeException e) {
            LOG.error("Operation {} failed unexpectedly", op.name(), e);
            return Outcome.failed(
                    500,
                    "'" + op.name() + "' failed unexpectedly. The server logged the details and "
                            + "is still running; try again or report it.",
                    null);
        }
    }

    private <I, O> O run(Operation<I, O> op, I input, OperationContext context) {
        Audit<I, O> how = op.audit();
        if (how == null) {
            return op.handler().handle(context, input);
        }
        if (how.mode() == Audit.Mode.IN_SERVICE) {
            return inService(op, how, input, context);
        }
        return tx.inTransaction(() -> {
            Object before = how.before() == null ? null : how.before().read(context, input);
            O output = op.handler().handle(context, input);
            record(
                    how,
                    context,
                    how.action().of(input, output),
                    how.id().of(input, output),
                    before,
                    how.after().of(input, output));
            return output;
        });
    }

    /** The service records its change inside its own short transaction, through the context's recorder. */
    private <I, O> O inService(Operation<I, O> op, Audit<I, O> how, I input, OperationContext context) {
        AtomicInteger entries = new AtomicInteger();
        O output = op.handler()
                .handle(
                        context.recordingTo((id, before, after) -> {
                            entries.incrementAndGet();
                            record(how, context, how.action().of(input, null), id, before, after);
                        }),
                        input);
        if (entries.get() != 1) {
            // A definition that forgot to pass ctx.changes(...) on: the change went through unaudited.
            LOG.error("Operation {} made {} audit entries instead of one", op.name(), entries.get());
        }
        return output;
    }

    private void record(
            Audit<?, ?> how, OperationContext context, String action, String id, Object before, Object after) {
        audit.record(
                context.caller(),
                action,
                how.resourceType(),
                id,
                AuditJson.of(mapper, before, how.secretFields()),
                AuditJson.of(mapper, after, how.secretFields()));
    }

    /** The HTTP status of a refusal; MCP shows only its message. */
    public static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }
}
