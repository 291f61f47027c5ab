package dev.replicasmcp.domain.replica;

import dev.replicasmcp.domain.workspace.CheckoutException;
import dev.replicasmcp.domain.workspace.Checkouts;
import dev.replicasmcp.domain.workspace.WorkspaceRepositories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-repository engine state of get_replica (spec §2.14), read from the working copies: the branch
 * checked out now and the diff against the commit the replica's branch started from.
 */
public final class RepositoryStatuses {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryStatuses.class);

    private final ProvisioningStore provisioning;
    private final Checkouts checkouts;

    public RepositoryStatuses(ProvisioningStore provisioning, Checkouts checkouts) {
        this.provisioning = provisioning;
        this.checkouts = checkouts;
    }

    /** git_diff is null for a repository without a working copy (a replica whose provisioning failed). */
    public List<RepositoryStatus> of(Replica replica, boolean fullDiffs) {
        List<Path> folders = provisioning
                .find(replica.id())
                .map(p -> WorkspaceRepositories.folders(Path.of(p.workspacePath()), Provisioner.sources(replica)))
                .orElse(null);
        List<RepositoryStatus> statuses = new ArrayList<>();
        for (int i = 0; i < replica.repositories().size(); i++) {
            ReplicaRepository r = replica.repositories().get(i);
            Path folder = folders == null ? null : folders.get(i);
            String branch = r.branch();
            GitDiff diff = null;
            if (folder != null && checkouts.isClone(folder)) {
                String current = checkouts.currentBranch(folder);
                branch = current != null ? current : branch;
                diff = diff(folder, fullDiffs);
            }
            statuses.add(new RepositoryStatus(
                    r.name(), branch, r.defaultBranch(), prUrls(replica, r.name()), r.startHooksCompleted(), diff));
        }
        return statuses;
    }

    private GitDiff diff(Path folder, boolean full) {
        try {
            return checkouts.diff(folder, full);
        } catch (CheckoutException e) {
            LOG.warn("No diff for {}: {}", folder, e.getMessage());
            return null;
        }
    }

    private static List<String> prUrls(Replica replica, String repository) {
        return replica.pullRequests().stream()
                .filter(pr -> pr.repository().equals(repository))
                .map(PullRequest::url)
                .toList();
    }
}
