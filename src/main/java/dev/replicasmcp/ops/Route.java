package dev.replicasmcp.ops;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where an operation sits in the REST API. Path parameters are named after the input fields they fill
 * ({replica_id}); the other fields come from the query string (GET, DELETE) or the JSON body. body, when
 * given, reshapes the body's fields first, where the REST form of an input differs from the tool's.
 */
public record Route(Method method, String path, int status, UnaryOperator<Map<String, Object>> body) {

    public enum Method {
        GET,
        POST,
        PUT,
        PATCH,
        DELETE
    }

    public static Route get(String path) {
        return new Route(Method.GET, path, 200, UnaryOperator.identity());
    }

    public static Route post(String path) {
        return new Route(Method.POST, path, 200, UnaryOperator.identity());
    }

    public static Route put(String path) {
        return new Route(Method.PUT, path, 200, UnaryOperator.identity());
    }

    public static Route patch(String path) {
        return new Route(Method.PATCH, path, 200, UnaryOperator.identity());
    }

    public static Route delete(String path) {
        return new Route(Method.DELETE, path, 200, UnaryOperator.identity());
    }

    /** Answers 201 Created on success. */
    public Route created() {
        return new Route(method, path, 201, body);
    }

    public Route body(UnaryOperator<Map<String, Object>> reshape) {
        return new Route(method, path, status, reshape);
    }

    /** Whether the fields that are not in the path come from the query string. */
    public boolean readsQuery() {
        return method == Method.GET || method == Method.DELETE;
    }
}
