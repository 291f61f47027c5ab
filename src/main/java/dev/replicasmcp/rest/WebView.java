package dev.replicasmcp.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web view: its page at / and its scripts, styles and vendored libraries at /ui/..., read from the
 * jar's web/ folder. No API key is needed for these files (the page asks for one and sends it to /v1);
 * the Host and Origin checks run before them as before every route. Every answer carries a
 * Content-Security-Policy that lets the page load and call nothing but this server.
 */
public final class WebView {

    /** The page's address below the server's base URL. */
    public static final String PATH = "/";

    /**
     * Only this origin, for everything; no inline script or style, no eval, no frames, no plugins. The
     * page sets styles only through the DOM (allowed), never through style attributes in markup.
     */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final String ROOT = "web";
    /** Names of files below /ui: folders and names of letters, digits, '.', '-' and '_', never "..". */
    private static final Pattern ASSET =
            Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "md", "text/plain; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private WebView() {}

    public static void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> serve(ctx, "index.html"));
        routes.get("/ui/*", ctx -> {
            String name = ctx.path().substring("/ui/".length());
            if (!ASSET.matcher(name).matches()) {
                throw new NotFoundResponse();
            }
            serve(ctx, "ui/" + name);
        });
    }

    private static void serve(Context ctx, String name) {
        Optional<byte[]> content = read(name);
        String type = TYPES.get(extension(name));
        if (content.isEmpty() || type == null) {
            throw new NotFoundResponse();
        }
        headers(ctx);
        ctx.contentType(type);
        ctx.result(content.get());
    }

    /** The security headers of every file of the view. */
    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        // The files change with the jar; revalidating each time costs little on a local server.
        ctx.header("Cache-Control", "no-cache");
    }

    /**
     * The files found in the jar, which does not change while the server runs: each is read once. Names
     * not found are not kept (anyone may ask for any number of them).
     */
    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private static Optional<byte[]> read(String name) {
        byte[] known = FILES.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> found = readFromJar(name);
        found.ifPresent(content -> FILES.put(name, content));
        return found;
    }

    private static Optional<byte[]> readFromJar(String name) {
        try (InputStream in = WebView.class.getClassLoader().getResourceAsStream(ROOT + "/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the web view's " + name, e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
