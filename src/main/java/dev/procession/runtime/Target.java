package dev.procession.runtime;

/** Code a process runs (or a pool task computes), registered by name in a {@link Program}. */
@FunctionalInterface
public interface Target {
    /** Runs with the process's context and its arguments; a pool task returns its result. */
    Object run(Mp mp, Args args) throws Exception;
}
