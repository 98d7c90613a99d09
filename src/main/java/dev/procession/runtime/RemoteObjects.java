package dev.procession.runtime;

/** Rebuilds a received handle into an object bound to this process, by its type. */
final class RemoteObjects {
    private RemoteObjects() {
    }

    static RemoteObject bind(Mp mp, String type, long id) {
        return switch (type) {
            case "Lock" -> new Lock(mp, id);
            case "RLock" -> new RLock(mp, id);
            case "Semaphore", "BoundedSemaphore" -> new Semaphore(mp, id, type);
            case "Event" -> new Event(mp, id);
            case "Condition" -> new Condition(mp, id);
            case "Barrier" -> new Barrier(mp, id);
            case "DictProxy" -> new DictProxy(mp, id);
            case "ListProxy" -> new ListProxy(mp, id);
            case "ValueProxy" -> new ValueProxy(mp, id);
            case "Value" -> new SharedValue(mp, id, null);
            case "Array" -> new SharedArray(mp, id, null);
            case "Pool" -> throw new MpException("NotImplementedError",
                    "pool objects cannot be passed between processes or pickled");
            case "Queue" -> new Queue(mp, id, type, null);
            case "JoinableQueue" -> new JoinableQueue(mp, id, null);
            case "Connection" -> new Connection(mp, id, null, null);
            default -> throw new MpException("TypeError", "cannot receive an object of type " + type);
        };
    }
}
