package dev.procession.hub;

import java.util.Map;

/** Creates a primitive of a named type; one line per type. */
final class Primitives {
    private Primitives() {
    }

    static Primitive create(Hub hub, String type, long id, String name, Call call) {
        Map<String, Object> m = call.message;
        return switch (type) {
            case "Lock" -> new LockPrimitive(hub, id, name, false);
            case "RLock" -> new LockPrimitive(hub, id, name, true);
            case "Semaphore" -> SemaphorePrimitive.create(hub, id, name, m, false);
            case "BoundedSemaphore" -> SemaphorePrimitive.create(hub, id, name, m, true);
            case "Event" -> new EventPrimitive(hub, id, name);
            case "Condition" -> ConditionPrimitive.create(hub, id, name, m);
            case "Barrier" -> BarrierPrimitive.create(hub, id, name, m);
            case "Manager" -> new ManagerPrimitive(hub, id, name, call.procId());
            case "Pool" -> PoolPrimitive.create(hub, id, name, call);
            case "Queue" -> QueuePrimitive.create(hub, id, name, m, false);
            case "JoinableQueue" -> QueuePrimitive.create(hub, id, name, m, true);
            case "Pipe" -> ConnectionPrimitive.pipe(hub, id, name, call);
            case "Value" -> SharedValuePrimitive.create(hub, id, name, m);
            case "Array" -> SharedArrayPrimitive.create(hub, id, name, m);
            default -> throw new HubError("ValueError", "unknown primitive type '" + type + "'");
        };
    }
}
