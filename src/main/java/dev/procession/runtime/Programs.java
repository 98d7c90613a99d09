package dev.procession.runtime;

import java.util.ServiceLoader;

/** Finds a {@link Program} by id among those on the class path. */
public final class Programs {
    private Programs() {
    }

    public static Program find(String id) {
        for (Program p : ServiceLoader.load(Program.class)) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no program '" + id + "' on the class path");
    }

    public static Targets targetsOf(String id) {
        Program program = find(id);
        Targets targets = new Targets(program);
        Builtins.define(targets);
        program.define(targets);
        return targets;
    }
}
