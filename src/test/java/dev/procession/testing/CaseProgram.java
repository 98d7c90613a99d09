package dev.procession.testing;

import dev.procession.runtime.Args;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Program;
import dev.procession.runtime.Target;
import dev.procession.runtime.Targets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A test program made of named cases: main runs the case named in its argument. Subclasses
 * register cases with {@link #test} and helper targets with {@link #target}.
 */
public abstract class CaseProgram implements Program {
    private final Map<String, Target> cases = new LinkedHashMap<>();
    private final Map<String, Target> helpers = new LinkedHashMap<>();
    private final Map<String, BiFunction<Mp, Args, ? extends Process>> classes = new LinkedHashMap<>();

    protected CaseProgram() {
        define();
    }

    /** Registers the cases and helper targets. */
    protected abstract void define();

    protected final void test(String name, Target body) {
        cases.put(name, body);
    }

    protected final void target(String name, Target body) {
        helpers.put(name, body);
    }

    /** Registers a Process subclass the cases start (the second way to create a process). */
    protected final void processClass(String name, BiFunction<Mp, Args, ? extends Process> factory) {
        classes.put(name, factory);
    }

    @Override
    public final void define(Targets targets) {
        targets.target("main", this::main);
        helpers.forEach(targets::target);
        classes.forEach(targets::processClass);
    }

    private Object main(Mp mp, Args args) throws Exception {
        String name = (String) args.map(0).get("case");
        Target body = cases.get(name);
        if (body == null) {
            throw new IllegalArgumentException("no case '" + name + "' in " + id());
        }
        return body.run(mp, new Args(java.util.List.of()));
    }

    /** Scenario time elapsed since {@code startNanos}, given the run's speed of 1. */
    public static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
