package dev.replicasmcp.ops;

import dev.replicasmcp.api.Services;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.audit.ChangeRecorder;
import java.util.function.Function;

/**
 * What an operation works with: the domain services, who is calling, where to report progress, and where a
 * service audited in its own transaction records its change ({@link Audit#inService}).
 */
public record OperationContext(Services services, Caller caller, Progress progress, ChangeRecorder<Object> recorder) {

    public OperationContext(Services services, Caller caller) {
        this(services, caller, Progress.NONE);
    }

    public OperationContext(Services services, Caller caller, Progress progress) {
        this(services, caller, progress, ChangeRecorder.none());
    }

    OperationContext recordingTo(ChangeRecorder<Object> next) {
        return new OperationContext(services, caller, progress, next);
    }

    /** The recorder to hand a service, showing the states it records in their wire form. */
    public <T> ChangeRecorder<T> changes(Function<? super T, ?> view) {
        return (id, before, after) -> recorder.record(
                id, before == null ? null : view.apply(before), after == null ? null : view.apply(after));
    }
}
