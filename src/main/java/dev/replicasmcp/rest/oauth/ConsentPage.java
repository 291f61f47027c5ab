package dev.replicasmcp.rest.oauth;

import io.javalin.http.Context;
import java.net.URI;

/**
 * The consent page of /authorize: names the client and where it sends the person back, and asks for an
 * API key of the organization (or the one-time setup code) to approve. No script, no outside resource;
 * the Content-Security-Policy lets the form post only here and then on to the client's redirect target.
 */
final class ConsentPage {

    private ConsentPage() {}

    static void show(Context ctx, int status, Consent consent, String problem) {
        URI redirect = consent.redirectUri();
        String host = redirect.getHost() != null ? redirect.getHost() : redirect.getScheme() + ":";
        String body = "<h1>Allow “" + escape(consent.client().name()) + "” to use replicas-mcp?</h1>"
                + "<p>It will act for your organization through MCP at <code>" + escape(consent.resource())
                + "</code>: it can use every tool this server offers (create replicas, run agents, read their work)"
                + " until you revoke it with <code>clients revoke</code>.</p>"
                + "<p>Approving sends you back to <strong>" + escape(host) + "</strong> (<code>"
                + escape(redirect.toString()) + "</code>). Only approve if you started this sign-in.</p>"
                + (problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + escape(problem) + "</p>")
                + "<form method=\"post\" action=\"/authorize\">"
                + "<input type=\"hidden\" name=\"request\" value=\"" + escape(consent.query()) + "\">"
                + "<label for=\"credential\">An API key of this server, or the one-time setup code from its log</label>"
                + "<input id=\"credential\" type=\"password\" name=\"credential\" autocomplete=\"off\" autofocus>"
                + "<div class=\"buttons\"><button name=\"decision\" value=\"approve\">Approve</button>"
                + "<button name=\"decision\" value=\"deny\" class=\"deny\">Deny</button></div></form>"
                + "<p class=\"hint\"><code>scripts/run keys create --name NAME</code> makes a key; the first one is in"
                + " the data folder's <code>api-key</code> file.</p>";
        write(ctx, status, "Allow " + consent.client().name() + "?", body, RedirectUris.cspSource(redirect));
    }

    /** A request that cannot go back to its client (unknown client or redirect URI): said here, not redirected. */
    static void refuse(Context ctx, int status, String problem) {
        write(
                ctx,
                status,
                "Sign-in refused",
                "<h1>Sign-in refused</h1><p class=\"problem\">" + escape(problem) + "</p>",
                null);
    }

    private static void write(Context ctx, int status, String title, String body, String formTarget) {
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; "
                        + "form-action 'self'" + (formTarget == null ? "" : " " + formTarget));
        ctx.header("X-Frame-Options", "DENY");
        // Not no-referrer: under it browsers send "Origin: null" with the form's POST, which the origin check
        // refuses. same-origin keeps the page's origin on its own POST and sends nothing to other sites.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        ctx.result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em}"
                + "code{word-break:break-all}label{display:block;margin:1em 0 .3em}input[type=password]{width:100%;"
                + "padding:.5em;font:inherit;box-sizing:border-box}.buttons{margin-top:1em;display:flex;gap:.5em}"
                + "button{padding:.5em 1.2em;font:inherit}.problem{color:#a00}.hint{color:#555;font-size:.9em}"
                + "</style></head><body><main>" + body + "</main></body></html>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
