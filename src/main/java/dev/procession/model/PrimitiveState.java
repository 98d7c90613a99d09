package dev.procession.model;

import dev.procession.events.Event;
import java.util.Map;

/**
 * One synchronization object of the run at one point of its log. Each type folds the events on
 * it into a new value; none is ever changed in place, so a view may keep an old one to compare.
 */
public sealed interface PrimitiveState
        permits LockState, SemaphoreState, FlagState, ConditionState, BarrierState, QueueState, PipeEndState,
                ManagerState, SharedObjectState, SharedCtypeState, PoolState, OtherPrimitive {

    /** "Lock#3": the log's reference. */
    String ref();

    /** "Lock", "RLock", "Semaphore", "Event", "Queue", "DictProxy"... */
    String type();

    /** The name the program gave it ("e", "lock"), or null. */
    String name();

    /** The state after {@code e}, an event on this object. */
    PrimitiveState on(Event e);

    /** The state once process {@code pid} is gone: it waits for nothing any more. */
    PrimitiveState without(long pid);

    /** The name a person reads: the program's name when it gave one, else the reference. */
    default String label() {
        return name() == null ? ref() : name();
    }

    /** The object as its {@code new} event describes it. */
    static PrimitiveState created(String ref, Map<String, Object> details) {
        String type = Details.text(details, "type");
        String name = Details.text(details, "name");
        Map<String, Object> s = Details.map(details.get("state"));
        return switch (type == null ? "" : type) {
            case "Lock", "RLock" -> LockState.created(ref, type, name, s);
            case "Semaphore", "BoundedSemaphore" -> SemaphoreState.created(ref, type, name, s);
            case "Event" -> FlagState.created(ref, name, s);
            case "Condition" -> ConditionState.created(ref, name, s);
            case "Barrier" -> BarrierState.created(ref, name, s);
            case "Queue", "JoinableQueue" -> QueueState.created(ref, type, name, s);
            case "Connection" -> PipeEndState.created(ref, name, s);
            case "Manager" -> ManagerState.created(ref, name, s);
            case "DictProxy", "ListProxy", "ValueProxy" -> SharedObjectState.created(ref, type, name, details);
            case "Pool" -> PoolState.created(ref, name, s);
            case "Value", "Array" -> SharedCtypeState.created(ref, type, name, s);
            default -> new OtherPrimitive(ref, type, name);
        };
    }
}
