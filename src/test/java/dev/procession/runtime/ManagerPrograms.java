package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;
import dev.procession.testing.SubCases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Cases mirroring CPython's _TestContainers (manager dict and list) and, in their spirit,
 * shared values and objects used from several real processes, plus the seed's lost updates.
 */
public final class ManagerPrograms extends CaseProgram {
    @Override
    public String id() {
        return "test-manager";
    }

    private static List<Object> range(int n) {
        return new ArrayList<>(LongStream.range(0, n).boxed().toList());
    }

    @Override
    protected void define() {
        target("put-square", (mp, a) -> {
            DictProxy d = a.get(0, DictProxy.class);
            long i = a.integer(1);
            d.set(i, i * i);
            return null;
        });
        target("append-name", (mp, a) -> {
            a.get(0, ListProxy.class).append(mp.name());
            return null;
        });
        target("add-to-value", (mp, a) -> {
            ValueProxy v = a.get(0, ValueProxy.class);
            Lock lock = a.get(1, Lock.class);
            try (Held held = lock.hold()) {
                v.set((Long) v.get() + a.integer(2));
            }
            return null;
        });
        // The seed's work(d, lock, use_lock): 100 times d['count'] -= 1, a get then a set.
        target("decrement", (mp, a) -> {
            DictProxy d = a.get(0, DictProxy.class);
            Lock lock = a.get(1, Lock.class);
            boolean useLock = a.bool(2);
            a.get(3, Event.class).await();
            for (int i = 0; i < 100; i++) {
                if (useLock) {
                    try (Held held = lock.hold()) {
                        d.set("count", (Long) d.get("count") - 1);
                    }
                } else {
                    d.set("count", (Long) d.get("count") - 1);
                }
            }
            return null;
        });
        target("own-manager-then-die", (mp, a) -> {
            Manager m = mp.manager();
            m.dict(Map.of("x", 1)).set("y", 2);
            a.get(0, ValueProxy.class).set(m.process().pid());
            Runtime.getRuntime().halt(9);
            return null;
        });

        // CPython's _TestContainers shares one manager (setUpClass); so do these.
        test("shared", (mp, a) -> {
            Manager manager = mp.manager();
            new SubCases()
                .add("test_dict", () -> {
                    DictProxy d = manager.dict();
                    Map<Object, Object> expected = new LinkedHashMap<>();
                    for (long i = 65; i < 70; i++) {
                        d.set(i, Character.toString((int) i));
                        expected.put(i, Character.toString((int) i));
                    }
                    Check.equal(d.copy(), expected, "d.copy()");
                    Check.equal(d.keys(), List.of(65L, 66L, 67L, 68L, 69L), "d.keys()");
                    Check.equal(d.values(), List.of("A", "B", "C", "D", "E"), "d.values()");
                    Check.equal(d.items().getFirst(), Tuple.of(65L, "A"), "d.items()[0]");
                    Check.equal(d.len(), 5, "len(d)");
                    Check.equal(d.contains(66L), true, "66 in d");
                    Check.equal(d.get(99L, "none"), "none", "d.get(99, 'none')");
                    Check.equal(d.pop(65L), "A", "d.pop(65)");
                    d.del(66L);
                    d.update(Map.of("k", List.of(1, 2)));
                    Check.equal(d.get("k"), List.of(1L, 2L), "a list value after update");
                    Check.equal(d.setdefault("z", 0), 0L, "setdefault");
                    Check.equal(d.len(), 5, "len(d) after pop, del, update, setdefault");
                })
                .add("test_list", () -> {
                    ListProxy a0 = manager.list(range(10));
                    Check.equal(a0.copy(), range(10), "a[:]");
                    ListProxy b = manager.list();
                    Check.equal(b.copy(), List.of(), "b[:]");
                    b.extend(range(5));
                    Check.equal(b.copy(), range(5), "b.extend(range(5))");
                    Check.equal(b.get(2), 2L, "b[2]");
                    b.extend(b.copy());
                    Check.equal(b.copy(), List.of(0L, 1L, 2L, 3L, 4L, 0L, 1L, 2L, 3L, 4L), "b *= 2");
                    ListProxy e = manager.list(List.of(a0, b));
                    Check.equal(((ListProxy) e.get(0)).copy(), range(10), "a proxy stored in a list");
                    ListProxy f = manager.list(List.of(a0));
                    a0.append("hello");
                    Check.equal(((ListProxy) f.get(0)).get(-1), "hello", "f[0] sees a's append");
                    Check.equal(b.index(3L), 3, "b.index(3)");
                    Check.equal(b.count(0L), 2, "b.count(0)");
                    b.insert(0, "first");
                    Check.equal(b.pop(0), "first", "b.pop(0)");
                    b.remove(4L);
                    Check.equal(b.len(), 9, "len(b) after remove");
                })
                .add("test_list_proxy_in_list", () -> {
                    ListProxy a0 = manager.list(List.of(manager.list(range(3)), manager.list(range(3)),
                            manager.list(range(3))));
                    ((ListProxy) a0.get(0)).set(-1, 55);
                    Check.equal(((ListProxy) a0.get(0)).copy(), List.of(0L, 1L, 55L), "a[0][:]");
                    Check.equal(((ListProxy) a0.get(1)).copy(), range(3), "a[1][:]");
                    Check.equal(((ListProxy) a0.get(1)).pop(), 2L, "a[1].pop()");
                    Check.equal(((ListProxy) a0.get(1)).len(), 2, "len(a[1])");
                })
                .add("test_dict_proxy_nested", () -> {
                    DictProxy pets = manager.dict(Map.of("ferrets", 2, "hamsters", 4));
                    DictProxy supplies = manager.dict(Map.of("water", 10, "feed", 3));
                    DictProxy d = manager.dict(Map.of("pets", pets, "supplies", supplies));
                    Check.equal(((DictProxy) d.get("supplies")).get("water"), 10L, "d['supplies']['water']");
                    ((DictProxy) d.get("supplies")).set("blankets", 5);
                    Check.equal(supplies.get("blankets"), 5L, "supplies sees d['supplies'] change");
                    d.clear();
                    Check.equal(d.len(), 0, "len(d) after clear");
                    Check.equal(pets.get("hamsters"), 4L, "pets outlive d's clear");
                })
                .add("value", () -> {
                    ValueProxy v = manager.value(0L);
                    Lock lock = mp.lock();
                    List<Process> ps = new ArrayList<>();
                    for (int i = 1; i <= 3; i++) {
                        ps.add(mp.process("add-to-value", v, lock, (long) i).start());
                    }
                    ps.forEach(Process::join);
                    Check.equal(v.get(), 6L, "three processes added 1, 2 and 3 to a shared value");
                    v.set("text");
                    Check.equal(v.get(), "text", "v.value = 'text'");
                })
                .add("dict-across-processes", () -> {
                    DictProxy d = manager.dict();
                    List<Process> ps = new ArrayList<>();
                    for (long i = 0; i < 3; i++) {
                        ps.add(mp.process("put-square", d, i).start());
                    }
                    ps.forEach(Process::join);
                    Check.equal(d.copy(), Map.of(0L, 0L, 1L, 1L, 2L, 4L), "each child's d[i] = i*i");
                    ListProxy l = manager.list();
                    Process p = mp.process("append-name", l).start();
                    p.join();
                    Check.equal(l.copy(), List.of(p.name()), "a child's append");
                })
                .add("errors", () -> {
                    DictProxy d = manager.dict();
                    MpException k = Check.raises(MpException.class, () -> d.get("missing"), "d['missing']");
                    Check.equal(k.pythonType() + ": " + k.pythonMessage(), "KeyError: 'missing'", "KeyError");
                    ListProxy l = manager.list(List.of(1));
                    MpException i = Check.raises(MpException.class, () -> l.get(5), "l[5]");
                    Check.equal(i.pythonType() + ": " + i.pythonMessage(), "IndexError: list index out of range",
                            "IndexError");
                    MpException v = Check.raises(MpException.class, () -> l.remove(7), "l.remove(7)");
                    Check.equal(v.pythonType(), "ValueError", "ValueError");
                    MpException t = Check.raises(MpException.class, () -> d.set(List.of(1), 1), "d[[1]] = 1");
                    Check.equal(t.pythonType(), "TypeError", "unhashable key");
                    MpException u = Check.raises(MpException.class, () -> d.set(Tuple.of(1, List.of()), 1),
                            "d[(1, [])] = 1");
                    Check.equal(u.pythonMessage(), "unhashable type: 'list'", "a tuple holding a list");
                })
                .add("keys-keep-their-python-types", () -> {
                    DictProxy d = manager.dict(Map.of(Tuple.of(1L, 2L), "pair"));
                    d.set(9L, 387420489L);
                    d.set("9", "a str key");
                    d.set(java.math.BigInteger.TWO.pow(70), new Bytes(new byte[] {'h', 'i'}));
                    Check.equal(d.get(Tuple.of(1L, 2L)), "pair", "d[(1, 2)]");
                    Check.equal(d.get(9L), 387420489L, "d[9]");
                    Check.equal(d.len(), 4, "len(d): 9 and '9' are two keys");
                    // What python3 prints for print(d.copy()) after the same calls.
                    Check.equal(Values.repr(d.copy()), "{(1, 2): 'pair', 9: 387420489, '9': 'a str key', "
                            + "1180591620717411303424: b'hi'}", "print(d.copy())");
                    Check.equal(d.items().getFirst(), Tuple.of(Tuple.of(1L, 2L), "pair"), "d.items()[0]");
                })
                .add("server-process", () -> {
                    Process server = manager.process();
                    Check.equal(server.name(), "SyncManager-1", "the server's name");
                    Check.equal(server.daemon(), false, "the server is not daemonic");
                    long ppid = ProcessHandle.of(server.pid()).flatMap(ProcessHandle::parent)
                            .map(ProcessHandle::pid).orElse(-1L);
                    Check.equal(ppid, mp.pid(), "the server is a child of the process that made the manager");
                })
                .add("shutdown", () -> {
                    DictProxy d;
                    Process server;
                    try (Manager m = mp.manager()) {
                        server = m.process();
                        d = m.dict(Map.of("a", 1));
                        Check.equal(d.get("a"), 1L, "d['a'] inside with");
                    }
                    Check.equal(server.exitCode(), 0L, "the server exited cleanly at the end of the with block");
                    MpException e = Check.raises(MpException.class, () -> d.get("a"), "d['a'] after shutdown");
                    Check.equal(e.pythonType(), "FileNotFoundError", "as Python's after the manager is gone");
                })
                .add("server-killed", () -> {
                    Manager m = mp.manager();
                    DictProxy d = m.dict(Map.of("a", 1));
                    m.process().kill();
                    m.process().join();
                    MpException e = Check.raises(MpException.class, () -> d.get("a"), "d['a'] after SIGKILL");
                    Check.equal(e.pythonType(), "BrokenPipeError", "as Python's when the server died");
                    m.shutdown();
                })
                .add("server-ends-with-owner", () -> {
                    ValueProxy pid = manager.value(null);
                    Process owner = mp.process("own-manager-then-die", pid).start();
                    owner.join();
                    long serverPid = (Long) pid.get();
                    ProcessHandle server = ProcessHandle.of(serverPid).orElse(null);
                    if (server != null) {
                        server.onExit().get(20, TimeUnit.SECONDS);
                    }
                })
                .run(mp);
            return null;
        });

        // The seed's 07_manager.py: without a lock updates are lost; with one they are not.
        test("seed", (mp, a) -> {
            new SubCases()
                .add("without lock", () -> Check.that(decrementAll(mp, false) > 0,
                        "ten processes decrementing without a lock lose updates"))
                .add("with lock", () -> Check.equal(decrementAll(mp, true), 0L,
                        "with a lock no update is lost"))
                .run(mp);
            return null;
        });
    }

    private static long decrementAll(Mp mp, boolean useLock) {
        try (Manager m = mp.manager()) {
            DictProxy d = m.dict(Map.of("count", 1000));
            Lock lock = mp.lock();
            // All ten start together, so their get-then-set pairs really interleave.
            Event go = mp.event("go");
            List<Process> ps = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ps.add(mp.process("decrement", d, lock, useLock, go).start());
            }
            go.set();
            ps.forEach(Process::join);
            long count = (Long) d.get("count");
            mp.print(useLock ? "with lock" : "without lock", count);
            return count;
        }
    }
}
