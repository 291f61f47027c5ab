package dev.replicasmcp.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which Host and Origin headers the HTTP server answers, against DNS rebinding: a page on another
 * site whose name was pointed at this machine sends its own name as Host and its own Origin. Loopback
 * names are always allowed; more can be added. A request without an Origin (not a browser) passes.
 */
public record HostPolicy(Set<String> hosts, Set<String> origins) {

    public static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    /** Loopback names plus the extra host names and origins given (case-insensitive). */
    public static HostPolicy of(Collection<String> extraHosts, Collection<String> extraOrigins) {
        Set<String> hosts = new LinkedHashSet<>(LOOPBACK);
        extraHosts.forEach(h -> hosts.add(bracketed(h.trim().toLowerCase(Locale.ROOT))));
        Set<String> origins = new LinkedHashSet<>();
        extraOrigins.forEach(o -> origins.add(stripSlash(o.trim().toLowerCase(Locale.ROOT))));
        return new HostPolicy(Set.copyOf(hosts), Set.copyOf(origins));
    }

    /** A Host header (name, optionally with a port) names this server. */
    public boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        return hosts.contains(nameOf(hostHeader.trim().toLowerCase(Locale.ROOT)));
    }

    /** No Origin, a loopback or allowed host's origin, or an origin allowed as given. */
    public boolean originAllowed(String origin) {
        if (origin == null) {
            return true;
        }
        String value = stripSlash(origin.trim().toLowerCase(Locale.ROOT));
        if (origins.contains(value)) {
            return true;
        }
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme();
            return ("http".equals(scheme) || "https".equals(scheme))
                    && uri.getHost() != null
                    && (hosts.contains(bracketed(uri.getHost())) || origins.contains(bracketed(uri.getHost())));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The same policy as the MCP SDK's own validator patterns ("name" and "name:*"). */
    public List<String> hostPatterns() {
        List<String> patterns = new ArrayList<>();
        hosts.forEach(h -> {
            patterns.add(h);
            patterns.add(h + ":*");
        });
        return patterns;
    }

    /** Origins of the allowed hosts on any port, plus the origins given (a bare name: on any port). */
    public List<String> originPatterns() {
        List<String> patterns = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(hosts);
        origins.forEach(o -> {
            if (o.contains("://")) {
                patterns.add(o);
            } else {
                names.add(o);
            }
        });
        names.forEach(h -> {
            for (String scheme : List.of("http://", "https://")) {
                patterns.add(scheme + h);
                patterns.add(scheme + h + ":*");
            }
        });
        return patterns;
    }

    private static String nameOf(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
