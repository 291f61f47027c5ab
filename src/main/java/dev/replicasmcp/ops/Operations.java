package dev.replicasmcp.ops;

import dev.replicasmcp.ops.defs.AdminOperations;
import dev.replicasmcp.ops.defs.AgentOperations;
import dev.replicasmcp.ops.defs.AutomationOperations;
import dev.replicasmcp.ops.defs.AutomationRunOperations;
import dev.replicasmcp.ops.defs.ConversationOperations;
import dev.replicasmcp.ops.defs.EnvironmentOperations;
import dev.replicasmcp.ops.defs.HookOperations;
import dev.replicasmcp.ops.defs.IntegrationOperations;
import dev.replicasmcp.ops.defs.McpSkillOperations;
import dev.replicasmcp.ops.defs.ReplicaOperations;
import dev.replicasmcp.ops.defs.RepositoryOperations;
import dev.replicasmcp.ops.defs.VariableFileOperations;
import java.util.ArrayList;
import java.util.List;

/** Every operation of the platform, each defined once; both doors are made from this list. */
public final class Operations {

    private Operations() {}

    public static List<Operation<?, ?>> all() {
        List<Operation<?, ?>> all = new ArrayList<>();
        all.addAll(ReplicaOperations.all());
        all.addAll(ConversationOperations.all());
        all.addAll(RepositoryOperations.all());
        all.addAll(EnvironmentOperations.all());
        all.addAll(VariableFileOperations.all());
        all.addAll(McpSkillOperations.all());
        all.addAll(HookOperations.all());
        all.addAll(AgentOperations.all());
        all.addAll(AdminOperations.all());
        all.addAll(AutomationOperations.all());
        all.addAll(AutomationRunOperations.all());
        all.addAll(IntegrationOperations.all());
        return List.copyOf(all);
    }
}
