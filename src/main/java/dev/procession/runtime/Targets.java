package dev.procession.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** The registry of a program's targets and process subclasses, by name. */
public final class Targets {
    private final Program program;
    private final Map<String, Target> targets = new HashMap<>();
    private final Map<String, BiFunction<Mp, Args, ? extends Process>> classes = new HashMap<>();

    Targets(Program program) {
        this.program = program;
    }

    /** The line of the program's listing {@code marker} names (see {@link Mp#at}). */
    int lineOf(String marker) {
        return program.lineOf(marker);
    }

    public Targets target(String name, Target target) {
        if (targets.putIfAbsent(name, target) != null) {
            throw new IllegalArgumentException("target '" + name + "' is registered twice");
        }
        return this;
    }

    /**
     * Registers a subclass of {@link Process} (the second way to create a process): the child
     * rebuilds it from the state arguments its constructor passed up, then calls its run().
     */
    public Targets processClass(String name, BiFunction<Mp, Args, ? extends Process> factory) {
        if (classes.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("process class '" + name + "' is registered twice");
        }
        return this;
    }

    public Target target(String name) {
        Target t = targets.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no target '" + name + "' in this program");
        }
        return t;
    }

    public Process instantiate(String className, Mp mp, Args state) {
        BiFunction<Mp, Args, ? extends Process> factory = classes.get(className);
        if (factory == null) {
            throw new IllegalArgumentException("no process class '" + className + "' in this program");
        }
        return factory.apply(mp, state);
    }

    public boolean hasTarget(String name) {
        return targets.containsKey(name);
    }
}
