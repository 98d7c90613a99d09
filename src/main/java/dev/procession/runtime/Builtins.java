package dev.procession.runtime;

/** Targets every program has: the servers behind Manager and Pool, which run in real processes. */
final class Builtins {
    private Builtins() {
    }

    static void define(Targets targets) {
        // Names start with '$' so programs cannot clash.
        targets.target(Manager.SERVER_TARGET, ManagerServer::serve);
        targets.target(Pool.WORKER_TARGET, PoolWorker::work);
    }
}
