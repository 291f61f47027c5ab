package dev.replicasmcp.runtime.git;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import dev.replicasmcp.domain.repository.RepositoryInspector;
import dev.replicasmcp.domain.repository.RepositoryLocation;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a location is a git repository: a local folder (working tree or bare) is read from disk
 * — its HEAD names the default branch — and a remote URL is accepted by its form, since there is no
 * network to ask it.
 */
public final class GitRepositoryInspector implements RepositoryInspector {

    private static final Pattern REMOTE = Pattern.compile("^(https?|ssh|git)://\\S+$|^[\\w.-]+@[\\w.-]+:\\S+$");
    private static final Pattern HEAD_REF = Pattern.compile("^ref: refs/heads/(\\S+)\\s*$");
    private static final String DEFAULT_BRANCH = "main";

    @Override
    public RepositoryLocation inspect(String field, String location) {
        if (location.indexOf('\0') >= 0) {
            throw DomainException.invalid("Field '" + field + "' contains a NUL byte.");
        }
        if (REMOTE.matcher(location).matches()) {
            return new RepositoryLocation(location, nameFromUrl(location), DEFAULT_BRANCH);
        }
        Path path = localPath(field, location);
        Path gitDir = Files.isDirectory(path.resolve(".git")) ? path.resolve(".git") : path;
        if (!Files.isRegularFile(gitDir.resolve("HEAD")) || !Files.isDirectory(gitDir.resolve("objects"))) {
            throw DomainException.invalid("Field '" + field + "': '" + path + "' is not a git repository (no .git "
                    + "folder). Run 'git init' there, or pass the path of a clone or a git URL.");
        }
        return new RepositoryLocation(
                path.toUri().toString().replaceAll("/$", ""), path.getFileName().toString(), headBranch(gitDir));
    }

    private static Path localPath(String field, String location) {
        Path path;
        try {
            path = location.startsWith("file:") ? Path.of(new URI(location)) : Path.of(expandHome(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw DomainException.invalid("Field '" + field + "' is neither a path nor a git URL: '"
                    + Validation.abbreviate(location, 80) + "'.");
        }
        if (!path.isAbsolute()) {
            throw DomainException.invalid("Field '" + field + "' must be an absolute path (the server's working "
                    + "folder is not yours); got '" + Validation.abbreviate(location, 80) + "'.");
        }
        path = path.normalize();
        if (!Files.isDirectory(path)) {
            throw DomainException.invalid("Field '" + field + "': no folder at '" + path + "'. Check the path.");
        }
        return path;
    }

    private static String expandHome(String location) {
        return location.startsWith("~/") ? System.getProperty("user.home") + location.substring(1) : location;
    }

    private static String headBranch(Path gitDir) {
        try {
            String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8);
            Matcher matcher = HEAD_REF.matcher(head.trim());
            return matcher.matches() ? matcher.group(1) : DEFAULT_BRANCH;
        } catch (IOException e) {
            return DEFAULT_BRANCH;
        }
    }

    /** owner/repo for hosted URLs, the last segment otherwise, without `.git`. */
    static String nameFromUrl(String url) {
        String path = url.replaceFirst("^[\\w.-]+@[\\w.-]+:", "/").replaceFirst("^\\w+://[^/]+", "");
        path = path.replaceAll("/+$", "").replaceFirst("\\.git$", "");
        String[] parts = path.split("/");
        if (parts.length >= 2 && !parts[parts.length - 2].isEmpty()) {
            return parts[parts.length - 2] + "/" + parts[parts.length - 1];
        }
        return parts[parts.length - 1];
    }
}
