package dev.replicasmcp.domain.integration;

import java.util.Locale;

/**
 * One form for the many ways a repository's address is written, so that a registered repository matches
 * an event whichever form each side uses: https://github.com/acme/api(.git), git@github.com:acme/api.git
 * and ssh://git@github.com/acme/api.git all become "github.com/acme/api".
 */
final class RepositoryUrls {

    private RepositoryUrls() {}

    static String canonical(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            u = u.substring(scheme + 3);
        } else if (u.matches("^[^/@]+@[^:/]+:.*")) {
            u = u.replaceFirst(":", "/"); // scp-like ssh: git@host:owner/repo
        }
        int at = u.indexOf('@');
        int slash = u.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) {
            u = u.substring(at + 1); // user (and password) before the host
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - 4);
        }
        // Host names are case-insensitive, and GitHub treats owner and repository names so too.
        return u.toLowerCase(Locale.ROOT);
    }
}
