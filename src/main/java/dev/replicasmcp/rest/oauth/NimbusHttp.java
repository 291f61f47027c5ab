package dev.replicasmcp.rest.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Javalin requests as the Nimbus SDK's HTTP requests, and its responses written back. */
final class NimbusHttp {

    private NimbusHttp() {}

    /** The request with its URL (and query), Content-Type and body, for Nimbus to parse. */
    static HTTPRequest request(Context ctx) throws ParseException {
        HTTPRequest request =
                new HTTPRequest(HTTPRequest.Method.valueOf(ctx.method().name()), URI.create(ctx.fullUrl()));
        if (ctx.contentType() != null) {
            request.setContentType(ctx.contentType());
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            request.setAuthorization(authorization);
        }
        String body = ctx.body();
        if (!body.isEmpty()) {
            request.setBody(body);
        }
        return request;
    }

    /** Writes a Nimbus response: status, headers (Cache-Control: no-store among them), body. */
    static void respond(Context ctx, HTTPResponse response) {
        ctx.status(response.getStatusCode());
        response.getHeaderMap()
                .forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
        ctx.header("Cache-Control", "no-store");
        String body = response.getBody();
        ctx.result(body == null ? "" : body);
    }

    /** A request Nimbus could not parse: its error object (invalid_request when it gave none), with its status. */
    static void parseError(Context ctx, ParseException e) {
        ErrorObject error = e.getErrorObject() != null
                ? e.getErrorObject()
                : OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage());
        error(ctx, error.getHTTPStatusCode() > 0 ? error.getHTTPStatusCode() : 400, error);
    }

    /** A standard OAuth error body ({error, error_description}) with the status. */
    static void error(Context ctx, int status, ErrorObject error) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.header("Cache-Control", "no-store");
        ctx.result(error.toJSONObject().toJSONString().getBytes(StandardCharsets.UTF_8));
    }
}
