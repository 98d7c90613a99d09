package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.events.EventLog;
import dev.procession.model.PrimitiveState;
import dev.procession.model.RunState;
import dev.procession.model.SharedCtypeState;
import dev.procession.supervisor.Run;
import dev.procession.testing.RealRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * CPython's _TestValue and _TestArray, ported, and shared Values and Arrays used by several real
 * processes. What the log shows of them is checked against the hub's own state at the end.
 */
class SharedCtypesTest {
    private static final String PROGRAM = "test-sharedctypes";
    private static final long ALL_ADDS = (long) SharedCtypesPrograms.ADDS * SharedCtypesPrograms.CHILDREN;

    @Test
    void test_value() throws Exception {
        RealRun.runCase(PROGRAM, "value");
    }

    @Test
    void test_rawvalue() throws Exception {
        RealRun.runCase(PROGRAM, "rawvalue");
    }

    @Test
    void test_getobj_getlock() throws Exception {
        RealRun.runCase(PROGRAM, "getobj-getlock");
    }

    @Test
    void test_array() throws Exception {
        RealRun.runCase(PROGRAM, "array");
    }

    @Test
    void test_rawarray() throws Exception {
        RealRun.runCase(PROGRAM, "rawarray");
    }

    @Test
    void test_array_from_size() throws Exception {
        RealRun.runCase(PROGRAM, "array-from-size");
    }

    @Test
    void test_getobj_getlock_obj() throws Exception {
        RealRun.runCase(PROGRAM, "getobj-getlock-array");
    }

    @Test
    void counterUnderTheLockLosesNoUpdate() throws Exception {
        List<Event> events = runMatchingHub("counter-with-lock");
        SharedCtypeState counter = finalState(events, "counter");
        assertThat(counter.value()).isEqualTo(ALL_ADDS);
        assertThat(counter.reads()).as("one read per add, and the parent's").isEqualTo(ALL_ADDS + 1);
        assertThat(counter.writes()).isEqualTo(ALL_ADDS);
        // Every add is a read then a write by the same process, with no other write between them.
        long lastReader = -1;
        for (Event e : events) {
            if (e.kind() == EventKind.WRITE) {
                assertThat(e.pid()).as("the writer read last").isEqualTo(lastReader);
            } else if (e.kind() == EventKind.READ) {
                lastReader = e.pid();
            }
        }
    }

    @Test
    void counterWithoutTheLockIsAReadThenAWrite() throws Exception {
        List<Event> events = runMatchingHub("counter-without-lock");
        SharedCtypeState counter = finalState(events, "counter");
        // Updates may be lost (nothing promises that any are): every add is still one read and one write.
        assertThat((Long) counter.value()).isBetween((long) SharedCtypesPrograms.ADDS, ALL_ADDS);
        assertThat(counter.writes()).isEqualTo(ALL_ADDS);
        assertThat(counter.reads()).isEqualTo(ALL_ADDS + 1);
        assertThat(events.stream().filter(e -> e.kind() == EventKind.ACQUIRED)).isEmpty();
    }

    @Test
    void childrenWriteTheirItemsOfSharedArrays() throws Exception {
        List<Event> events = runMatchingHub("array-from-children");
        assertThat(finalState(events, "squares").value()).isEqualTo(List.of(0L, 1L, 4L, 9L));
        assertThat(finalState(events, "halves").value()).isEqualTo(List.of(0.0, 0.5, 1.0, 1.5));
        assertThat(finalState(events, "halves").lock()).isNull();
        assertThat(finalState(events, "squares").lock()).isNotNull();
    }

    @Test
    void waitingForAValuesLockIsShownLikeAnyLock() throws Exception {
        RealRun.Result r = RealRun.runCase(PROGRAM, "value-lock-blocks");
        String lock = finalState(r.events(), "v").lock();
        assertThat(lock).startsWith("RLock#");
        assertThat(r.of("acquire-wait")).extracting(Event::obj).contains(lock);
        assertThat(r.of("timeout")).extracting(Event::obj).containsExactly(lock);
    }

    @Test
    void typesAndRangesAreThoseOfPython() throws Exception {
        RealRun.Result r = RealRun.runCase(PROGRAM, "python-table");
        List<String> python = python("sharedctypes.py");
        assertThat(r.prints()).isEqualTo(python);
    }

    @Test
    void deliberateDifferencesGiveClearErrors() throws Exception {
        RealRun.Result r = RealRun.runCase(PROGRAM, "differences");
        // A Value or Array refused for its typecode or size leaves no lock behind: none was made.
        assertThat(r.of("new")).extracting(e -> e.get("type")).doesNotContain("RLock");
    }

    /** The lines python3 prints running a script of this package's resources; skipped without python3. */
    private static List<String> python(String script) throws IOException, InterruptedException {
        Path path = Path.of("src/test/resources/dev/procession/runtime", script);
        java.lang.Process p;
        try {
            p = new ProcessBuilder("python3", path.toString()).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is not installed");
            throw noPython;
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out.lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Runs a case and checks that the fold of its log holds, for every Value and Array, the
     * content the hub holds at the end: the log alone is enough to show them.
     */
    private static List<Event> runMatchingHub(String caseName) throws Exception {
        EventLog log = new EventLog();
        try (Run run = Run.start(PROGRAM, Map.of("case", caseName), 1.0, log)) {
            long code = run.finished().get(60, TimeUnit.SECONDS);
            List<Event> events = log.snapshot();
            assertThat(code).as(new RealRun.Result(code, events).errors()).isZero();
            Map<String, Map<String, Object>> hub = run.hub().query(() -> run.hub().primitives());
            RunState folded = RealRun.fold(events);
            hub.forEach((ref, state) -> {
                if (folded.primitive(ref) instanceof SharedCtypeState s) {
                    assertThat(s.value()).as("%s folded from the log", ref).isEqualTo(state.get("value"));
                    assertThat(s.lock()).as("%s's lock", ref).isEqualTo(state.get("lock"));
                }
            });
            return events;
        }
    }

    private static SharedCtypeState finalState(List<Event> events, String name) {
        for (PrimitiveState p : RealRun.fold(events).primitives().values()) {
            if (p instanceof SharedCtypeState s && name.equals(s.name())) {
                return s;
            }
        }
        throw new AssertionError("no shared Value or Array named " + name + " in the log");
    }
}
