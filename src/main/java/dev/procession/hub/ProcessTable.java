package dev.procession.hub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every process of the run, by the hub's id, named as multiprocessing names them. Hub thread only. */
final class ProcessTable {
    private final Map<Long, ProcRecord> byId = new LinkedHashMap<>();
    private long nextId = 1;

    ProcRecord add(String name, long parentId, String program, String target, String kind, List<Object> args,
                   boolean daemon) {
        ProcRecord p = new ProcRecord(nextId++, name, parentId, program, target, kind, args, daemon);
        byId.put(p.id, p);
        return p;
    }

    /** Counts one more child of {@code parent} for a client that sent neither name nor identity. */
    long nextAnonymous(ProcRecord parent) {
        return ++parent.childCount;
    }

    ProcRecord find(long id) {
        return byId.get(id);
    }

    ProcRecord require(long id) {
        ProcRecord p = byId.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no process with id " + id + " in this run");
        }
        return p;
    }

    ProcRecord byPid(long pid) {
        for (ProcRecord p : byId.values()) {
            if (p.pid == pid) {
                return p;
            }
        }
        return null;
    }

    String nameOf(long id) {
        ProcRecord p = byId.get(id);
        return p == null ? null : p.name;
    }

    List<ProcInfo> infos() {
        return byId.values().stream().map(ProcRecord::info).toList();
    }
}
