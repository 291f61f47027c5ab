package dev.replicasmcp.rest.oauth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which redirect URIs a client may register and which requested one matches: exact string match, except
 * that a loopback http redirect of a native app (RFC 8252 §7.3) matches on any port, since such an app
 * listens on whatever port was free.
 */
final class RedirectUris {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

    private RedirectUris() {}

    /** Why a redirect URI cannot be registered, or null when it can: https, loopback http, or an app's own scheme. */
    static String problem(URI uri) {
        if (!uri.isAbsolute() || uri.getScheme() == null) {
            return "redirect URI '" + uri + "' is not absolute.";
        }
        if (uri.getRawFragment() != null) {
            return "redirect URI '" + uri + "' must not have a fragment.";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !loopback(uri)) {
            return "redirect URI '" + uri + "' uses http on a host that is not loopback: use https, or "
                    + "http://127.0.0.1 / http://localhost for an app on this machine.";
        }
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() == null) {
            return "redirect URI '" + uri + "' has no host.";
        }
        if (scheme.equals("javascript") || scheme.equals("data") || scheme.equals("file")) {
            return "redirect URI '" + uri + "' uses a scheme that cannot be a redirect target.";
        }
        return null;
    }

    /** Whether the requested redirect URI is one of the registered ones. */
    static boolean matches(List<String> registered, String requested) {
        if (requested == null) {
            return false;
        }
        if (registered.contains(requested)) {
            return true;
        }
        URI asked;
        try {
            asked = URI.create(requested);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!"http".equalsIgnoreCase(asked.getScheme()) || !loopback(asked)) {
            return false;
        }
        for (String each : registered) {
            URI known = URI.create(each);
            if ("http".equalsIgnoreCase(known.getScheme())
                    && loopback(known)
                    && known.getHost().equalsIgnoreCase(asked.getHost())
                    && Objects.equals(known.getRawPath(), asked.getRawPath())
                    && Objects.equals(known.getRawQuery(), asked.getRawQuery())) {
                return true;
            }
        }
        return false;
    }

    /** The CSP form-action source of a redirect target: its origin, or its scheme for an app's own scheme. */
    static String cspSource(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null) {
            return scheme + "://" + uri.getRawAuthority();
        }
        return scheme + ":";
    }

    private static boolean loopback(URI uri) {
        return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
