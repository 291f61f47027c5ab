package dev.replicasmcp.rest;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.ops.Invoker;
import dev.replicasmcp.rest.routes.Http;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place errors become statuses and the {error, details} body. */
final class RestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(RestErrors.class);

    private RestErrors() {}

    static void register(RoutesConfig routes) {
        routes.exception(
                DomainException.class, (e, ctx) -> respond(ctx, Invoker.status(e.kind()), e.getMessage(), e.details()));
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), message(e, ctx), null));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
            respond(
                    ctx,
                    500,
                    "The server failed unexpectedly. It logged the details and is still running; try "
                            + "again or report it.",
                    null);
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(
                        ctx,
                        404,
                        "No endpoint " + ctx.method() + " " + ctx.path() + ". See the API reference for the "
                                + "paths under /v1.",
                        null);
            }
        });
    }

    private static String message(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 ->
                "No endpoint " + ctx.method() + " " + ctx.path() + ". See the API reference for the paths "
                        + "under /v1.";
            case 413 ->
                "The request body is too large; the limit is " + RestServer.MAX_BODY_BYTES / (1024 * 1024) + " MiB.";
            default -> e.getMessage();
        };
    }

    static void respond(Context ctx, int status, String error, String details) {
        Http.json(ctx, status, new ErrorBody(error, details));
    }
}
