package dev.replicasmcp.domain.environment;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Files of an environment, written into its workspaces; contents encrypted at rest. */
public final class FileService {

    public static final int MAX_CONTENT_BYTES = 65_536;
    static final int MAX_NAME = 200;

    private final EnvironmentConfigStore store;
    private final EnvironmentAccess access;

    public FileService(EnvironmentConfigStore store, EnvironmentAccess access) {
        this.store = store;
        this.access = access;
    }

    public List<EnvironmentFile> list(Caller caller, String environmentId) {
        return store.files(access.resolve(caller, environmentId).id());
    }

    public EnvironmentFile create(Caller caller, String environmentId, String name, String path, String content) {
        String finalName = validName(name);
        String finalPath = WorkspacePath.normalise("path", path);
        String finalContent = validContent(content);
        return access.tx().inTransaction(() -> {
            Environment env = access.resolve(caller, environmentId);
            String now = access.now();
            EnvironmentFile file = new EnvironmentFile(
                    access.newId(), env.organizationId(), env.id(), finalName, finalPath, finalContent, now, now);
            store.saveFile(file, true);
            access.changed(env);
            return file;
        });
    }

    public EnvironmentFile update(
            Caller caller, String environmentId, String id, String name, String path, String content) {
        String newName = name == null ? null : validName(name);
        String newPath = path == null ? null : WorkspacePath.normalise("path", path);
        String newContent = content == null ? null : validContent(content);
        return access.tx().inTransaction(() -> {
            Environment env = access.resolve(caller, environmentId);
            Validation.required("file_id", id);
            EnvironmentFile current = store.files(env.id()).stream()
                    .filter(f -> f.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> missing(env, id));
            EnvironmentFile updated = new EnvironmentFile(
                    current.id(),
                    current.organizationId(),
                    env.id(),
                    newName == null ? current.name() : newName,
                    newPath == null ? current.path() : newPath,
                    newContent == null ? current.content() : newContent,
                    current.createdAt(),
                    access.now());
            store.saveFile(updated, false);
            access.changed(env);
            return updated;
        });
    }

    public void delete(Caller caller, String environmentId, String id) {
        access.tx().run(() -> {
            Environment env = access.resolve(caller, environmentId);
            if (!store.delete(EnvironmentConfigStore.Item.FILE, env.id(), Validation.required("file_id", id))) {
                throw missing(env, id);
            }
            access.changed(env);
        });
    }

    private static DomainException missing(Environment env, String id) {
        return EnvironmentAccess.missing("file", "file_id", id, env, "list_environment_files");
    }

    private static String validName(String name) {
        String trimmed = Validation.required("name", name).trim();
        if (trimmed.length() > MAX_NAME) {
            throw DomainException.invalid(
                    "Field 'name' is " + trimmed.length() + " characters; the limit is " + MAX_NAME + ".");
        }
        return trimmed;
    }

    private static String validContent(String content) {
        if (content == null) {
            throw DomainException.invalid("Field 'content' is required (it may be an empty string).");
        }
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_CONTENT_BYTES) {
            throw DomainException.invalid("Field 'content' is " + bytes + " bytes (UTF-8); the limit is "
                    + MAX_CONTENT_BYTES + " bytes (64 KB). Split it into several files or fetch it in a start hook.");
        }
        return content;
    }
}
