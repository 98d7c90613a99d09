package dev.procession.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.hub.ProcInfo;
import dev.procession.model.Activity;
import dev.procession.model.FlagState;
import dev.procession.model.LockState;
import dev.procession.model.PipeEndState;
import dev.procession.model.PoolState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.QueueState;
import dev.procession.model.RunState;
import dev.procession.model.SemaphoreState;
import dev.procession.supervisor.Run;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What the hub held at one moment, read on its thread together with the log's length: the fold
 * of the log up to {@code seq} must equal it, since the fold is the one replayer of the log.
 */
public record HubMoment(long seq, Map<String, Map<String, Object>> primitives, List<ProcInfo> processes) {

    /** The hub's state now, between two of its requests. */
    public static HubMoment of(Run run) {
        return run.hub().query(() -> new HubMoment(run.log().size(), run.hub().primitives(), run.hub().processes()));
    }

    /** Fails where {@code state}, the fold of the log up to {@link #seq}, differs from the hub's state. */
    public void assertFoldMatches(RunState state) {
        String at = "at seq " + seq;
        primitives.forEach((ref, hub) -> {
            PrimitiveState folded = state.primitive(ref);
            assertThat(folded).as("%s %s", ref, at).isNotNull();
            switch (folded) {
                case LockState l -> {
                    assertThat(l.holder()).as("%s holder %s", ref, at).isEqualTo(hub.get("holder"));
                    assertThat(l.waiters()).as("%s waiters %s", ref, at).isEqualTo(hub.get("waiters"));
                }
                case SemaphoreState s -> {
                    assertThat(s.value()).as("%s value %s", ref, at).isEqualTo(hub.get("value"));
                    assertThat(s.waiters()).as("%s waiters %s", ref, at).isEqualTo(hub.get("waiters"));
                    assertThat(new HashSet<Object>(s.holders())).as("%s holders %s", ref, at)
                            .isEqualTo(new HashSet<>(distinct(hub.get("holders"))));
                }
                case FlagState f -> {
                    assertThat(f.set()).as("%s flag %s", ref, at).isEqualTo(hub.get("set"));
                    assertThat(f.waiters()).as("%s waiters %s", ref, at).isEqualTo(hub.get("waiters"));
                }
                case QueueState q -> {
                    assertThat((long) q.size()).as("%s size %s", ref, at).isEqualTo(hub.get("size"));
                    assertThat(q.putters()).as("%s putters %s", ref, at).isEqualTo(hub.get("putters"));
                    assertThat(q.getters()).as("%s getters %s", ref, at).isEqualTo(hub.get("getters"));
                }
                case PipeEndState p -> {
                    assertThat((long) p.inbox().size()).as("%s in flight %s", ref, at).isEqualTo(hub.get("size"));
                    assertThat(p.receivers()).as("%s receivers %s", ref, at).isEqualTo(hub.get("receivers"));
                }
                case PoolState p -> assertThat(p.queued()).as("%s queued %s", ref, at).isEqualTo(
                        ((Number) hub.get("queued")).longValue());
                default -> { }
            }
        });
        for (ProcInfo p : processes) {
            if (p.pid() == 0 || "created".equals(p.state())) {
                // Registered by its parent, not yet started: the log knows it from its spawn on.
                continue;
            }
            ProcState folded = state.process(p.pid());
            assertThat(folded).as("process %s %s", p.name(), at).isNotNull();
            assertThat(folded.name()).isEqualTo(p.name());
            assertThat(folded.daemon()).as("%s daemon %s", p.name(), at).isEqualTo(p.daemon());
            assertThat(folded.activity()).as("%s activity %s", p.name(), at).isEqualTo(activity(p));
            if (p.exited()) {
                assertThat(folded.exitCode()).as("%s exit code %s", p.name(), at).isEqualTo(p.exitCode());
            } else if (folded.activity() == Activity.BLOCKED) {
                assertThat(folded.blockedOn()).as("%s blocked on %s", p.name(), at).isEqualTo(p.blockedOn());
            }
        }
    }

    private static Activity activity(ProcInfo p) {
        return switch (p.state()) {
            case "running" -> Activity.RUNNING;
            case "blocked" -> Activity.BLOCKED;
            case "sleeping" -> Activity.SLEEPING;
            case "exited" -> Activity.EXITED;
            case "held" -> Activity.HELD;
            default -> Activity.STARTING;
        };
    }

    private static List<Object> distinct(Object pids) {
        return pids instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }
}
