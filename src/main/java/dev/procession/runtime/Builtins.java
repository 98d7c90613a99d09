package dev.procession.runtime;

/** Targets every program has: the servers behind Manager and Pool, which run in real processes. */
final class Builtins {
    private Builtins() {
    }

    static void define(Targets targets) {
        // Filled in as Manager and Pool arrive; names start with '$' so programs cannot clash.
    }
}
