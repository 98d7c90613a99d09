package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Cases mirroring CPython's _TestValue and _TestArray (Lib/test/_test_multiprocessing.py), and
 * shared counters and arrays written by several real processes.
 */
public final class SharedCtypesPrograms extends CaseProgram {
    /** Each child adds 1 this many times. */
    public static final int ADDS = 25;
    public static final int CHILDREN = 4;

    @Override
    public String id() {
        return "test-sharedctypes";
    }

    /** _TestValue.codes_values: a typecode, a first value and the value a child writes. */
    private static final Object[][] CODES_VALUES = {
            {"i", 4343L, 24234L}, {"d", 3.625, -4.25}, {"h", -232L, 234L}, {"q", 1L << 33, 1L << 34},
            {"c", bytes("x"), bytes("y")}};

    private static Bytes bytes(String ascii) {
        return new Bytes(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The sequence of _TestArray.test_array. */
    private static final List<Object> SEQ = List.of(680L, 626L, 934L, 821L, 150L, 233L, 548L, 982L, 714L, 831L);

    /** _TestArray.f: each item becomes the sum of the items up to it. */
    private static void runningSums(List<Object> seq) {
        for (int i = 1; i < seq.size(); i++) {
            seq.set(i, (Long) seq.get(i) + (Long) seq.get(i - 1));
        }
    }

    private static Object testValue(Mp mp, boolean raw) {
        List<SharedValue> values = new ArrayList<>();
        for (Object[] cv : CODES_VALUES) {
            values.add(raw ? mp.rawValue((String) cv[0], cv[1]) : mp.value((String) cv[0], cv[1]));
        }
        for (int i = 0; i < values.size(); i++) {
            Check.equal(values.get(i).get(), CODES_VALUES[i][1], "value " + CODES_VALUES[i][0] + " as made");
        }
        Process p = mp.process("write-second-values", values);
        p.daemon(true);
        p.start().join();
        Check.equal(p.exitCode(), 0L, "the child's exit code");
        for (int i = 0; i < values.size(); i++) {
            Check.equal(values.get(i).get(), CODES_VALUES[i][2], "value " + CODES_VALUES[i][0] + " as the child set it");
        }
        return null;
    }

    private static Object testArray(Mp mp, boolean raw) {
        List<Object> seq = new ArrayList<>(SEQ);
        SharedArray arr = raw ? mp.rawArray("i", seq) : mp.array("i", seq);
        Check.equal(arr.length(), seq.size(), "len(arr)");
        Check.equal(arr.get(3), seq.get(3), "arr[3]");
        Check.equal(arr.slice(2, 7), seq.subList(2, 7), "arr[2:7]");
        arr.setSlice(4, 8, List.of(1, 2, 3, 4));
        for (int i = 0; i < 4; i++) {
            seq.set(4 + i, (long) i + 1);
        }
        Check.equal(arr.slice(), seq, "arr[:] after arr[4:8] = [1, 2, 3, 4]");
        runningSums(seq);
        Process p = mp.process("running-sums", arr);
        p.daemon(true);
        p.start().join();
        Check.equal(p.exitCode(), 0L, "the child's exit code");
        Check.equal(arr.toList(), seq, "list(arr) after the child's sums");
        return null;
    }

    /**
     * _TestValue.test_getobj_getlock and _TestArray.test_getobj_getlock_obj, for objects that
     * {@code make} makes with a lock argument and {@code raw} makes without one.
     */
    private static Object getobjGetlock(Mp mp, Function<Object, SharedCtype> make, Supplier<SharedCtype> raw,
                                        String rawName) {
        Check.equal(make.apply(true).getLock().type(), "RLock", "the default lock");
        Check.equal(make.apply(null).getLock().type(), "RLock", "lock=None");
        Lock lock = mp.lock();
        Check.equal(make.apply(lock).getLock(), lock, "the lock it was given");
        String noLock = "AttributeError: '" + rawName + "' object has no attribute 'get_lock'";
        Check.equal(raised(() -> make.apply(false).getLock()), noLock, "lock=False");
        Check.equal(raised(() -> make.apply("notalock")), "AttributeError: 'notalock' has no method 'acquire'",
                "lock='notalock'");
        Check.equal(raised(() -> raw.get().getLock()), noLock, "a raw one");
        return null;
    }

    /** get_lock() of an object made with lock=False, or anything that raises, as "AttributeError: ...". */
    private static String raised(Supplier<Object> body) {
        try {
            return "returned " + body.get();
        } catch (MpException e) {
            return e.pythonType() + ": " + e.pythonMessage();
        }
    }

    @Override
    protected void define() {
        // _TestValue.test_value and test_rawvalue: a child sets every value; the parent sees it.
        test("value", (mp, a) -> testValue(mp, false));
        test("rawvalue", (mp, a) -> testValue(mp, true));
        target("write-second-values", (mp, a) -> {
            List<Object> values = a.list(0);
            for (int i = 0; i < values.size(); i++) {
                ((SharedValue) values.get(i)).set(CODES_VALUES[i][2]);
            }
            return null;
        });

        // _TestValue.test_getobj_getlock (get_obj is left out: there is no ctypes object here).
        test("getobj-getlock", (mp, a) -> getobjGetlock(mp, lock -> mp.value(null, "i", 5, lock),
                () -> mp.rawValue("i", 5), "c_int"));

        // _TestArray.test_array and test_rawarray: slices, and a child that rewrites every item.
        test("array", (mp, a) -> testArray(mp, false));
        test("rawarray", (mp, a) -> testArray(mp, true));
        target("running-sums", (mp, a) -> {
            SharedArray arr = a.get(0, SharedArray.class);
            for (int i = 1; i < arr.length(); i++) {
                arr.set(i, (Long) arr.get(i) + (Long) arr.get(i - 1));
            }
            return null;
        });

        // _TestArray.test_array_from_size
        test("array-from-size", (mp, a) -> {
            for (int round = 0; round < 3; round++) {
                SharedArray arr = mp.array("i", 10);
                Check.equal(arr.length(), 10, "len(arr)");
                Check.equal(arr.toList(), LongStream.range(0, 10).map(i -> 0).boxed().toList(), "ten zeros");
                arr.setSlice(null, null, LongStream.range(0, 10).boxed().toList());
                Check.equal(arr.toList(), LongStream.range(0, 10).boxed().toList(), "arr[:] = range(10)");
            }
            return null;
        });

        // _TestArray.test_getobj_getlock_obj
        test("getobj-getlock-array", (mp, a) -> getobjGetlock(mp, lock -> mp.array(null, "i", 10, lock),
                () -> mp.rawArray("i", 10), "c_int_Array_10"));

        // A counter every child adds to under `with counter.get_lock():` (half of them `with counter:`):
        // no update is lost.
        test("counter-with-lock", (mp, a) -> counter(mp, "add-under-lock"));
        target("add-under-lock", (mp, a) -> {
            SharedValue counter = a.get(0, SharedValue.class);
            boolean onValue = a.integer(1) % 2 == 0;
            for (int i = 0; i < ADDS; i++) {
                try (Held held = onValue ? counter.hold() : counter.getLock().hold()) {
                    counter.set(counter.longValue() + 1);
                }
            }
            return null;
        });
        // The same without the lock: `counter.value += 1` is a read and then a write, and updates
        // may be lost (Python does not promise that any are).
        test("counter-without-lock", (mp, a) -> counter(mp, "add-unlocked"));
        target("add-unlocked", (mp, a) -> {
            SharedValue counter = a.get(0, SharedValue.class);
            for (int i = 0; i < ADDS; i++) {
                counter.set(counter.longValue() + 1);
            }
            return null;
        });

        // Children write their own items of an int and a float array; the parent reads them all.
        test("array-from-children", (mp, a) -> {
            SharedArray squares = mp.array("squares", "i", CHILDREN, true);
            SharedArray halves = mp.array("halves", "d", CHILDREN, false);
            List<Process> children = new ArrayList<>();
            for (int i = 0; i < CHILDREN; i++) {
                children.add(mp.process("write-item", squares, halves, i).start());
            }
            children.forEach(Process::join);
            Check.equal(squares.toList(), LongStream.range(0, CHILDREN).map(i -> i * i).boxed().toList(), "squares");
            Check.equal(halves.toList(), LongStream.range(0, CHILDREN).mapToObj(i -> i / 2.0).toList(), "halves");
            return null;
        });
        target("write-item", (mp, a) -> {
            int i = a.intValue(2);
            a.get(0, SharedArray.class).set(i, i * i);
            a.get(1, SharedArray.class).set(i, i / 2.0);
            return null;
        });

        // A Value's lock held by a child blocks the parent, like any lock: its wait is in the log.
        test("value-lock-blocks", (mp, a) -> {
            SharedValue v = mp.value("v", "i", 0, true);
            Event held = mp.event("held");
            Process p = mp.process("hold-value-lock", v, held).start();
            held.await();
            Check.equal(v.acquire(true, 0.1), false, "acquire(timeout=0.1) while the child holds it");
            Check.equal(v.acquire(), true, "acquire once the child releases it");
            Check.equal(v.longValue(), 1L, "what the child wrote under the lock");
            v.release();
            p.join();
            return null;
        });
        target("hold-value-lock", (mp, a) -> {
            SharedValue v = a.get(0, SharedValue.class);
            try (Held held = v.hold()) {
                a.get(1, Event.class).set();
                mp.sleep(0.4);
                v.set(1);
            }
            return null;
        });

        // The calls of src/test/resources/dev/procession/runtime/sharedctypes.py, printed the same way.
        test("python-table", (mp, a) -> {
            PythonTable.print(mp);
            return null;
        });
        // Procession's own limits and messages, where they differ from Python's on purpose.
        test("differences", (mp, a) -> {
            Check.equal(raised(() -> mp.value("z", 1)).startsWith("TypeError: this type has no size"), true,
                    "an unknown typecode");
            Check.equal(raised(() -> mp.array("i", 10_001)),
                    "ValueError: a shared Array holds at most 10000 items in Procession, not 10001", "a huge array");
            Check.equal(raised(() -> mp.value("c", 0, false).acquire()),
                    "AttributeError: 'c_char' object has no attribute 'acquire'", "acquire without a lock");
            return null;
        });
    }

    private static Object counter(Mp mp, String target) {
        SharedValue counter = mp.value("counter", "i", 0, true);
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            children.add(mp.process(target, counter, i).start());
        }
        children.forEach(Process::join);
        long total = counter.longValue();
        mp.print("counter", total);
        Check.that(total >= ADDS && total <= (long) ADDS * CHILDREN, "counter between one child's adds and all");
        return null;
    }

    /** The table of sharedctypes.py, call for call. */
    private static final class PythonTable {
        private final Mp mp;

        private PythonTable(Mp mp) {
            this.mp = mp;
        }

        private void show(String label, Supplier<Object> make) {
            String shown;
            try {
                shown = Values.repr(make.get());
            } catch (MpException e) {
                shown = e.pythonType() + ": " + e.pythonMessage();
            }
            mp.print(label, "->", shown);
        }

        private Object assign(SharedValue target, Object value) {
            target.set(value);
            return target.get();
        }

        private Object assignItem(SharedArray array, int index, Object value) {
            array.set(index, value);
            return array.slice();
        }

        private Object assignSlice(SharedArray array, int start, int stop, Object values) {
            array.setSlice(start, stop, values);
            return array.slice();
        }

        static void print(Mp mp) {
            new PythonTable(mp).values();
            new PythonTable(mp).arrays();
        }

        private void values() {
            BigInteger two = BigInteger.TWO;
            show("i 4343", () -> mp.value("i", 4343).get());
            show("i 2**40", () -> mp.value("i", 1L << 40).get());
            show("i 2**31", () -> mp.value("i", 1L << 31).get());
            show("i True", () -> mp.value("i", true).get());
            show("i 1.5", () -> mp.value("i", 1.5).get());
            show("i 'a'", () -> mp.value("i", "a").get());
            show("i None", () -> mp.value("i", (Object) null).get());
            show("i default", () -> mp.value("i").get());
            show("b 300", () -> mp.value("b", 300).get());
            show("B -1", () -> mp.value("B", -1).get());
            show("h 70000", () -> mp.value("h", 70000).get());
            show("H -2", () -> mp.value("H", -2).get());
            show("I -1", () -> mp.value("I", -1).get());
            show("l 2**63", () -> mp.value("l", two.pow(63)).get());
            show("l 2**64+5", () -> mp.value("l", two.pow(64).add(BigInteger.valueOf(5))).get());
            show("L -1", () -> mp.value("L", -1).get());
            show("q 2**33", () -> mp.value("q", 1L << 33).get());
            show("Q -1", () -> mp.value("Q", -1).get());
            show("d 3.625", () -> mp.value("d", 3.625).get());
            show("d 1", () -> mp.value("d", 1).get());
            show("d 'x'", () -> mp.value("d", "x").get());
            show("d 2**1100", () -> mp.value("d", two.pow(1100)).get());
            show("d default", () -> mp.value("d").get());
            show("f 0.1", () -> mp.value("f", 0.1).get());
            show("f 1e300", () -> mp.value("f", 1e300).get());
            show("c b'x'", () -> mp.value("c", bytes("x")).get());
            show("c 97", () -> mp.value("c", 97).get());
            show("c 256", () -> mp.value("c", 256).get());
            show("c b'ab'", () -> mp.value("c", bytes("ab")).get());
            show("c 'a'", () -> mp.value("c", "a").get());
            show("c default", () -> mp.value("c").get());
            show("u 'x'", () -> mp.value("u", "x").get());
            show("u 'ab'", () -> mp.value("u", "ab").get());
            show("u b'a'", () -> mp.value("u", bytes("a")).get());
            show("u 5", () -> mp.value("u", 5).get());
            show("set i 2**40", () -> assign(mp.value("i", 5), 1L << 40));
            show("set i 1.5", () -> assign(mp.value("i", 5), 1.5));
            show("set d 7", () -> assign(mp.value("d", 0.5), 7));
            show("lock=False get_lock", () -> mp.value("i", 5, false).getLock());
            show("lock=False value", () -> mp.value("i", 5, false).get());
            show("lock='navalue'", () -> mp.value(null, "i", 5, "navalue"));
            show("RawValue get_lock", () -> mp.rawValue("d", 1).getLock());
        }

        private void arrays() {
            show("Array i 3", () -> mp.array("i", 3).slice());
            show("Array i [1, 2, 3]", () -> mp.array("i", List.of(1, 2, 3)).slice());
            show("Array i (4, 5)", () -> mp.array("i", Tuple.of(4, 5)).slice());
            show("Array i [2**40]", () -> mp.array("i", List.of(1L << 40)).slice());
            show("Array i [1, 2.5]", () -> mp.array("i", List.of(1, 2.5)));
            show("Array i -1", () -> mp.array("i", -1));
            show("Array i 1.0", () -> mp.array("i", 1.0));
            show("Array i 2**70", () -> mp.array("i", BigInteger.TWO.pow(70)));
            show("Array i 'abc'", () -> mp.array("i", "abc"));
            show("Array i b'ab'", () -> mp.array("i", bytes("ab")).slice());
            show("Array d [1, 2.5]", () -> mp.array("d", new double[] {1, 2.5}).slice());
            show("Array c b'hello'", () -> mp.array("c", bytes("hello")).slice());
            show("Array c b'hello' [1]", () -> mp.array("c", bytes("hello")).get(1));
            show("Array c 3", () -> mp.array("c", 3).slice());
            show("Array u 'abc'", () -> mp.array("u", "abc").slice());
            show("Array i 0", () -> mp.array("i", 0).slice());
            show("Array [3]", () -> mp.array("i", new int[] {1, 2, 3}).get(3));
            show("Array [-1]", () -> mp.array("i", new int[] {1, 2, 3}).get(-1));
            show("Array [-4]", () -> mp.array("i", new int[] {1, 2, 3}).get(-4));
            show("Array [1:]", () -> mp.array("i", new int[] {1, 2, 3}).slice(1, null));
            show("Array [-2:]", () -> mp.array("i", new int[] {1, 2, 3}).slice(-2, null));
            show("Array [5:1]", () -> mp.array("i", new int[] {1, 2, 3}).slice(5, 1));
            show("Array [0] = 2**40", () -> assignItem(mp.array("i", 3), 0, (1L << 40) + 7));
            show("Array [5] = 1", () -> assignItem(mp.array("i", 3), 5, 1));
            show("Array [0] = 1.5", () -> assignItem(mp.array("i", 3), 0, 1.5));
            show("Array [0:2] = [7, 8]", () -> assignSlice(mp.array("i", 3), 0, 2, List.of(7, 8)));
            show("Array [0:2] = [7]", () -> assignSlice(mp.array("i", 3), 0, 2, List.of(7)));
            show("Array c [0] = 97", () -> assignItem(mp.array("c", bytes("hi")), 0, 97));
            show("Array lock=False get_lock", () -> mp.array("i", List.of(1, 2), false).getLock());
            show("RawArray", () -> mp.rawArray("i", List.of(1, 2)).slice());
        }
    }
}
