package dev.replicasmcp.app;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.account.ApiKey;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.storage.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * API keys for HTTP mode. Only the database is opened (no engine), so this works beside a running
 * server. This command is not the MCP process: it prints to stdout.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke API keys (Authorization: Bearer) for HTTP mode.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        System.err.println("Use one of: keys create --name NAME, keys list, keys revoke ID_OR_PREFIX.");
        return 2;
    }

    /** The key service of the data folder, on a connection of its own. */
    private Wiring.KeyAccess open() {
        return Wiring.keys(Database.open(main.settings().databaseFile()), Clock.systemUTC(), Ids.random());
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Make a key of the local organization and print it once (only its hash is kept).")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the key is for.")
        String name;

        @Override
        public Integer call() {
            try (Wiring.KeyAccess access = parent.open()) {
                String organization = access.account().organizationId();
                ApiKeyService.Created created = access.db().inTransaction(() -> {
                    ApiKeyService.Created made = access.keys().create(organization, null, name);
                    KeyAudit.record(
                            access.audit(), KeyAudit.COMMAND, organization, "api_key.created", null, made.key());
                    return made;
                });
                System.out.println(created.plaintext()); // stdout-ok: this command is not the MCP server
                System.err.println("Created key " + created.key().keyPrefix() + "… ('"
                        + created.key().name() + "', id " + created.key().id()
                        + "). It is shown only this once: store it now.");
                return 0;
            } catch (DomainException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys: prefix, name, dates, revoked.")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Override
        public Integer call() {
            try (Wiring.KeyAccess access = parent.open()) {
                print(access.keys().list(), System.out);
                return 0;
            }
        }

        static void print(List<ApiKey> keys, PrintStream out) {
            if (keys.isEmpty()) {
                out.println("No API keys. `keys create --name NAME` makes one."); // stdout-ok: not the MCP server
                return;
            }
            String format = "%-36s  %-18s  %-20s  %-24s  %-24s  %s%n";
            out.printf(format, "ID", "PREFIX", "NAME", "CREATED", "LAST USED", "REVOKED"); // stdout-ok
            for (ApiKey k : keys) {
                out.printf(
                        format,
                        k.id(),
                        k.keyPrefix(),
                        k.name(),
                        k.createdAt(), // stdout-ok
                        k.lastUsedAt() == null ? "never" : k.lastUsedAt(),
                        k.revokedAt() == null ? "no" : k.revokedAt());
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its id or prefix.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(paramLabel = "ID_OR_PREFIX", description = "The key's id or prefix, as `keys list` shows.")
        String key;

        @Override
        public Integer call() {
            try (Wiring.KeyAccess access = parent.open()) {
                access.db().run(() -> {
                    ApiKey before = access.keys().list().stream()
                            .filter(k -> k.revokedAt() == null
                                    && (k.id().equals(key.trim())
                                            || k.keyPrefix().equals(key.trim())))
                            .findFirst()
                            .orElse(null);
                    access.keys().revoke(key);
                    ApiKey after = access.keys().list().stream()
                            .filter(k -> k.id().equals(before.id()))
                            .findFirst()
                            .orElseThrow();
                    KeyAudit.record(
                            access.audit(), KeyAudit.COMMAND, after.organizationId(), "api_key.revoked", before, after);
                });
                System.err.println("Revoked " + key + ". Requests with it now get 401.");
                return 0;
            } catch (DomainException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }
}
