package dev.replicasmcp.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Transactions;
import dev.replicasmcp.domain.audit.AuditLog;
import java.util.Map;
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
        java.util.function.Supplier<O> change = () -> {
            Object before = how.before() == null ? null : how.before().read(context, input);
            O output = op.handler().handle(context, input);
            record(how, context, input, before, output);
            return output;
        };
        return how.mode() == Audit.Mode.AFTER_CHANGE ? change.get() : tx.inTransaction(change);
    }

    private <I, O> void record(Audit<I, O> how, OperationContext context, I input, Object before, O output) {
        audit.record(
                context.caller(),
                how.action().of(input, output),
                how.resourceType(),
                how.id().of(input, output),
                AuditJson.of(mapper, before, how.secretFields()),
                AuditJson.of(mapper, how.after().of(input, output), how.secretFields()));
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
