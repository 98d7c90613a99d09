package dev.procession.app.narration;

import dev.procession.events.Event;
import dev.procession.model.LockState;
import dev.procession.model.PrimitiveState;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import dev.procession.model.SemaphoreState;
import dev.procession.model.WaitCycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says in one plain sentence what an event of the log did and why, from the run model (the state
 * just after the event), never from what the processes printed. Events a
 * student would not miss (prints, sleeps, a look at a flag, samples) get no sentence.
 */
public final class Narrator {
    private final NarrationTexts texts;

    public Narrator(NarrationTexts texts) {
        this.texts = texts;
    }

    /** The sentences for {@code events}, folded one by one from {@code before}. */
    public List<NarrationLine> narrate(RunState before, List<Event> events) {
        List<NarrationLine> lines = new ArrayList<>();
        RunState state = before;
        for (Event e : events) {
            RunState previous = state;
            state = state.apply(e);
            sentence(e, state).ifPresent(text -> lines.add(new NarrationLine(e.seq(), e.micros(), e.pid(), text)));
            if (previous.deadlock() != null && state.deadlock() == null && !state.finished()) {
                String freed = objectName(state, e.obj());
                lines.add(new NarrationLine(e.seq(), e.micros(), e.pid(), texts.get("deadlock.broken", freed)));
            }
        }
        return lines;
    }

    /** The sentence for one event, told from the state just after it; empty for an event not worth one. */
    public Optional<String> sentence(Event e, RunState now) {
        ProcState p = now.process(e.pid());
        String who = p == null ? String.valueOf(e.proc()) : p.name();
        String obj = objectName(now, e.obj());
        return Optional.ofNullable(switch (e.kind()) {
            case SPAWN -> "supervisor".equals(e.get("parent"))
                    ? texts.get("spawn.main", who, e.pid())
                    : texts.get("spawn", e.text("parent"), who, e.pid());
            case EXIT -> exit(who, e);
            case SIGNAL -> texts.has("signal." + e.text("signal"))
                    ? texts.get("signal." + e.text("signal"), who, e.pid(), by(e))
                    : texts.get("signal.other", who, e.pid(), by(e), e.text("signal"));
            case DAEMON -> texts.get(Boolean.TRUE.equals(e.get("daemon")) ? "daemon.on" : "daemon.off", who);
            case JOIN -> texts.get("join", who, e.obj());
            case JOIN_END -> texts.get("join-end", who, e.obj());
            case ORPHAN -> texts.get("orphan", who, e.get("deadParent"));
            case ERROR -> texts.get("error", who, firstLine(e.text("exception")));
            case ACQUIRE_WAIT -> acquireWait(now, e, who, obj);
            case ACQUIRED -> now.primitive(e.obj()) instanceof SemaphoreState s
                    ? texts.get("acquired.semaphore", who, obj, s.value())
                    : texts.get("acquired", who, obj);
            case RELEASED -> now.primitive(e.obj()) instanceof SemaphoreState s
                    ? texts.get("released.semaphore", who, obj, s.value())
                    : texts.get("released", who, obj);
            case TIMEOUT -> texts.get("timeout", who, obj);
            case SET -> texts.get("set", who, obj, count(e.get("woken")));
            case CLEAR -> texts.get("clear", who, obj);
            case WAIT -> waits(now, e) ? texts.get("wait", who, obj) : null;
            case WOKE -> texts.get("woke", who, obj);
            case ABANDONED -> now.deadlock() != null && now.deadlock().involves(e.obj())
                    ? texts.get("deadlock.abandoned", who, e.pid(), obj)
                    : texts.get("abandoned", who, e.pid(), obj);
            case DEADLOCK -> texts.get("deadlock", WaitCycle.of(e).describe(now));
            case FORCE_RELEASE -> texts.get("force-release", obj);
            case PUT -> texts.get("put", who, e.text("item"), obj, e.get("size"));
            case GOT -> texts.get("got", who, e.text("item"), obj, e.get("size"));
            case PUT_WAIT -> texts.get("put-wait", who, obj);
            case GET_WAIT -> texts.get("get-wait", who, obj);
            case SEND -> texts.get("send", who, e.text("item"));
            case RECV -> texts.get("recv", who, e.text("item"));
            case RECV_WAIT -> texts.get("recv-wait", who);
            case EOF -> texts.get("eof", who);
            case PROXY_SET -> texts.get("proxy-set", who, obj, e.get("op"));
            case PROXY_GET -> texts.get("proxy-get", who, obj, e.get("op"));
            case SUBMIT -> texts.get("submit", who, e.get("tasks"));
            case TASK -> texts.get("task", who, e.get("task"));
            case TASK_FAILED -> texts.get("task-failed", who, e.get("task"), e.get("error"));
            case STOPPED -> texts.get("stopped");
            case STEP_MODE -> texts.get(Boolean.TRUE.equals(e.get("on")) ? "step-mode.on" : "step-mode.off");
            case STEP_WAIT -> texts.get("step-wait", who, call(e, obj));
            case STEP -> "chosen".equals(e.get("choice")) ? texts.get("step-chosen", who, call(e, obj))
                    : "oldest".equals(e.get("choice")) ? texts.get("step-oldest", who, call(e, obj)) : null;
            default -> null;
        });
    }

    private String exit(String who, Event e) {
        if (!(e.get("exitcode") instanceof Long code)) {
            return texts.get("exit.unknown", who, e.pid());
        }
        if (code == 0) {
            return texts.get("exit.ok", who, e.pid());
        }
        if (code > 0) {
            return texts.get("exit.error", who, e.pid(), code);
        }
        String signal = switch ((int) -code) {
            case 9 -> "SIGKILL";
            case 15 -> "SIGTERM";
            default -> texts.get("signal.number", -code);
        };
        return texts.get("exit.signal", who, e.pid(), signal, code);
    }

    private String acquireWait(RunState now, Event e, String who, String obj) {
        PrimitiveState p = now.primitive(e.obj());
        if (p instanceof LockState lock && lock.holder() != null) {
            ProcState holder = now.process(lock.holder());
            return texts.get("acquire-wait", who, obj, holder == null ? lock.holder() : holder.name());
        }
        if (p instanceof SemaphoreState s) {
            return texts.get("acquire-wait.semaphore", who, obj, s.initial());
        }
        return texts.get("acquire-wait.other", who, obj);
    }

    /** An Event's wait (the scenario's lesson); a pool's or a manager's waits are told by their results. */
    private static boolean waits(RunState now, Event e) {
        return e.get("job") == null && e.get("op") == null && now.primitive(e.obj()) != null
                && "Event".equals(now.primitive(e.obj()).type());
    }

    /** A held call as the listing would show it: "acquire lock", "file-read". */
    private static String call(Event e, String obj) {
        return e.text("op") + (obj.isEmpty() ? "" : " " + obj);
    }

    private String by(Event e) {
        Object by = e.get("by");
        return by == null || "supervisor".equals(by) ? texts.get("by.you") : String.valueOf(by);
    }

    /** The name the listing gives the object ("lock", "e"), else its ref. */
    private static String objectName(RunState state, String ref) {
        if (ref == null) {
            return "";
        }
        PrimitiveState p = state.primitive(ref);
        return p != null && p.name() != null && !p.name().isBlank() ? p.name() : ref;
    }

    private static long count(Object list) {
        return list instanceof List<?> l ? l.size() : 0;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
