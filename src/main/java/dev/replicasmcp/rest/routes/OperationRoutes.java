package dev.replicasmcp.rest.routes;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.replicasmcp.api.Services;
import dev.replicasmcp.api.WireJson;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.ops.Invoker;
import dev.replicasmcp.ops.Operation;
import dev.replicasmcp.ops.OperationContext;
import dev.replicasmcp.ops.Outcome;
import dev.replicasmcp.ops.Route;
import dev.replicasmcp.rest.ErrorBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The REST door of every operation that has a route: the request's path parameters, query string or
 * JSON body become the operation's input fields, {@link Invoker} runs it, and the result (or the
 * failure's {error, details} and status) is the answer.
 */
public final class OperationRoutes {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    private final Services services;
    private final Invoker invoker;

    public OperationRoutes(Services services, Invoker invoker) {
        this.services = services;
        this.invoker = invoker;
    }

    /**
     * Adds a route for each operation that has one, except those named in custom (their door differs and
     * registers itself). Literal paths go first, so /v1/replica/repositories is not read as a replica id.
     */
    public void register(RoutesConfig routes, List<Operation<?, ?>> operations, Set<String> custom) {
        operations.stream()
                .filter(op -> op.route() != null && !custom.contains(op.name()))
                .sorted(Comparator.comparingLong(
                        op -> op.route().path().chars().filter(c -> c == '{').count()))
                .forEach(op -> add(routes, op.route(), handler(op)));
    }

    private static void add(RoutesConfig routes, Route route, Handler handler) {
        switch (route.method()) {
            case GET -> routes.get(route.path(), handler);
            case POST -> routes.post(route.path(), handler);
            case PUT -> routes.put(route.path(), handler);
            case PATCH -> routes.patch(route.path(), handler);
            case DELETE -> routes.delete(route.path(), handler);
        }
    }

    /** The handler of one operation's route, for doors that wrap it. */
    public Handler handler(Operation<?, ?> op) {
        return ctx -> answer(
                ctx,
                op.route().status(),
                invoker.invoke(op, fields(ctx, op), new OperationContext(services, Http.caller(ctx))));
    }

    /** The result as the route's success status, or the failure as {error, details}. */
    public static void answer(Context ctx, int status, Outcome outcome) {
        if (outcome.ok()) {
            Http.json(ctx, status, outcome.result());
        } else {
            Http.json(
                    ctx,
                    outcome.failure().status(),
                    new ErrorBody(outcome.failure().message(), outcome.failure().details()));
        }
    }

    static Map<String, Object> fields(Context ctx, Operation<?, ?> op) {
        Route route = op.route();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (route.readsQuery()) {
            ctx.queryParamMap().forEach((name, values) -> fields.put(name, typed(op.input(), name, values.get(0))));
        } else {
            fields.putAll(route.body().apply(Http.JSON.convertValue(Http.object(ctx), FIELDS)));
        }
        ctx.pathParamMap().forEach((name, value) -> {
            Object inBody = fields.get(name);
            if (inBody != null && !Objects.equals(inBody, value)) {
                throw DomainException.invalid("Field '" + name + "' is given both in the path ('" + value
                        + "') and in the body; leave it out of the body.");
            }
            fields.put(name, value);
        });
        return fields;
    }

    /** A query value as the type its input field has (numbers, true/false); else the text, for the parser to judge. */
    private static Object typed(Class<?> input, String name, String value) {
        for (RecordComponent component : input.getRecordComponents()) {
            if (!WireJson.wireName(component).equals(name)) {
                continue;
            }
            if (component.getType() == Integer.class && value.trim().matches("-?\\d{1,9}")) {
                return Integer.valueOf(value.trim());
            }
            if (component.getType() == Boolean.class && (value.equals("true") || value.equals("false"))) {
                return Boolean.valueOf(value);
            }
        }
        return value;
    }
}
