package dev.replicasmcp.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The address a client sees this server at, for the URLs the OAuth documents and headers name. A tunnel
 * (poke tunnel, cloudflared, ngrok) runs on this machine and forwards with X-Forwarded-Proto/Host/For:
 * those headers are believed only from a loopback peer, since anyone else could make them up. A local
 * client (no X-Forwarded-*) at http://localhost:8787 keeps its own URLs even when --public-url is set.
 */
public record SiteUrls(Optional<URI> publicUrl) {

    /** Checks a --public-url: absolute http(s), no path beyond "/", no query; the message names the flag. */
    public static SiteUrls of(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return new SiteUrls(Optional.empty());
        }
        URI uri;
        try {
            uri = URI.create(publicUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--public-url: '" + publicUrl + "' is not a URL. Give the address "
                    + "clients reach the server at, e.g. https://replicas.example.com.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || !(path.isEmpty() || path.equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--public-url: '" + publicUrl + "' must be an origin like "
                    + "https://replicas.example.com (http or https, a host, no path, query or fragment).");
        }
        String origin = scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        return new SiteUrls(Optional.of(URI.create(origin)));
    }

    /** The host name of --public-url, which the host policy allows without --allowed-host. */
    public Optional<String> publicHost() {
        return publicUrl.map(URI::getHost);
    }

    /**
     * scheme://host[:port] of this request as its client sees it, without a trailing slash: --public-url
     * when the request came through a tunnel (a loopback peer sent X-Forwarded-*) or named its host;
     * otherwise the forwarded or direct scheme and host.
     */
    public String base(HttpServletRequest request) {
        boolean forwarded = loopback(request.getRemoteAddr())
                && (request.getHeader("X-Forwarded-Host") != null
                        || request.getHeader("X-Forwarded-Proto") != null
                        || request.getHeader("X-Forwarded-For") != null);
        String host = forwarded ? first(request.getHeader("X-Forwarded-Host")) : null;
        if (host == null) {
            host = request.getHeader("Host");
        }
        String scheme = forwarded ? first(request.getHeader("X-Forwarded-Proto")) : null;
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            scheme = request.getScheme();
        }
        String name = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (publicUrl.isPresent()
                && (forwarded || hostName(name).equals(publicUrl.get().getHost()))) {
            return publicUrl.get().toString();
        }
        return scheme.toLowerCase(Locale.ROOT) + "://" + (name.isEmpty() ? "localhost" : name);
    }

    /** The client's address: X-Forwarded-For's first entry when a loopback peer (a tunnel) sent it. */
    public static String clientAddress(HttpServletRequest request) {
        String forwarded = loopback(request.getRemoteAddr()) ? first(request.getHeader("X-Forwarded-For")) : null;
        return forwarded != null ? forwarded : request.getRemoteAddr();
    }

    static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // A literal address is parsed, not looked up.
            String literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
            return (Character.digit(literal.charAt(0), 16) >= 0 || literal.contains(":"))
                    && InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    private static String hostName(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(1, end);
        }
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    /** The first of a comma-separated header (proxies append), or null. */
    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.split(",")[0].trim();
        return value.isEmpty() ? null : value;
    }
}
