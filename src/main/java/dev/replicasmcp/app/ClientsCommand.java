package dev.replicasmcp.app;

import dev.replicasmcp.api.GrantAudit;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Ids;
import dev.replicasmcp.domain.oauth.Grant;
import dev.replicasmcp.domain.oauth.GrantListing;
import dev.replicasmcp.storage.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The OAuth clients the owner approved (HTTP mode), each approval a grant. Like the keys command it opens
 * only the database, so it works beside a running server: a revoked grant's tokens are refused at once,
 * and the server ends its open MCP streams within a second. Prints to stdout: this is not the MCP process.
 */
@Command(
        name = "clients",
        mixinStandardHelpOptions = true,
        description = "List and revoke the OAuth clients approved for HTTP mode (Poke, mcp-remote, web connectors).",
        subcommands = {ClientsCommand.ListClients.class, ClientsCommand.Revoke.class})
final class ClientsCommand implements Callable<Integer> {

    static final dev.replicasmcp.domain.Actor COMMAND =
            new dev.replicasmcp.domain.Actor(dev.replicasmcp.domain.Actor.Kind.SYSTEM, null, "clients command");

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        System.err.println("Use one of: clients list, clients revoke ID.");
        return 2;
    }

    private Wiring.KeyAccess open() {
        return Wiring.keys(Database.open(main.settings().databaseFile()), Clock.systemUTC(), Ids.random());
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List grants: id, client, redirect, approved by, dates, revoked.")
    static final class ListClients implements Callable<Integer> {
        @ParentCommand
        ClientsCommand parent;

        @Override
        public Integer call() {
            try (Wiring.KeyAccess access = parent.open()) {
                print(access.oauth().list(), System.out);
                return 0;
            }
        }

        static void print(List<GrantListing> grants, PrintStream out) {
            if (grants.isEmpty()) {
                out.println("No OAuth clients were approved yet."); // stdout-ok: not the MCP server
                return;
            }
            String format = "%-36s  %-24s  %-36s  %-28s  %-24s  %-24s  %s%n";
            out.printf(
                    format, "ID", "CLIENT", "CLIENT ID", "APPROVED BY", "CREATED", "LAST USED", "REVOKED"); // stdout-ok
            for (GrantListing listing : grants) {
                Grant g = listing.grant();
                out.printf( // stdout-ok
                        format,
                        g.id(),
                        listing.clientName(),
                        g.clientId(),
                        g.approvedBy(),
                        g.createdAt(),
                        g.lastUsedAt() == null ? "never" : g.lastUsedAt(),
                        g.revokedAt() == null ? "no" : g.revokedAt());
            }
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a grant by its id, or every grant of a client id: its tokens stop working at once.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        ClientsCommand parent;

        @Parameters(paramLabel = "ID", description = "A grant id or client id, as `clients list` shows.")
        String id;

        @Override
        public Integer call() {
            try (Wiring.KeyAccess access = parent.open()) {
                List<Grant> revoked = access.db().inTransaction(() -> {
                    List<Grant> done = access.oauth().revoke(id);
                    for (Grant g : done) {
                        String name = access.oauth().list().stream()
                                .filter(l -> l.grant().id().equals(g.id()))
                                .map(GrantListing::clientName)
                                .findFirst()
                                .orElse("unknown client");
                        GrantAudit.record(
                                access.audit(),
                                new Caller(g.organizationId(), null, COMMAND),
                                "oauth_client.revoked",
                                null,
                                g,
                                name);
                    }
                    return done;
                });
                System.err.println("Revoked " + revoked.size() + " grant(s). Their tokens are refused now, and a "
                        + "running server ends their open MCP streams within a second.");
                return 0;
            } catch (DomainException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }
}
