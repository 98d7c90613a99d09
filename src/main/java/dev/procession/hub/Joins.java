package dev.procession.hub;

import dev.procession.events.EventKind;
import dev.procession.events.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * join() in the hub: the parent's call waits here until the child's exit is recorded or its
 * timeout expires, so the log says exactly when and how each join ended ({@code join-end}).
 */
final class Joins {
    private Joins() {
    }

    /** The parent asks to join {@code child}: answered true once it has exited, false on timeout. */
    static void join(Call call, ProcRecord child) {
        if (child.exited) {
            ended(call, child, Outcome.AT_ONCE);
            call.reply(true);
            return;
        }
        if (!call.mayWait()) {
            // join(0): a look, as in Python; the child runs on.
            ended(call, child, Outcome.AT_ONCE);
            call.reply(false);
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("child", child.pid);
        data.put("timeout", call.timeout());
        call.event(EventKind.JOIN, child.name, data);
        child.joiners.add(call);
        call.block(child.name, () -> {
            child.joiners.remove(call);
            ended(call, child, Outcome.TIMEOUT);
            call.reply(false);
        });
    }

    /** The child's exit was just recorded: every join waiting for it ends. */
    static void childExited(ProcRecord child) {
        Call joiner;
        while ((joiner = child.joiners.poll()) != null) {
            ended(joiner, child, Outcome.WOKE);
            joiner.reply(true);
        }
    }

    private static void ended(Call call, ProcRecord child, Outcome outcome) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("child", child.pid);
        data.put("exitcode", child.exited ? child.exitCode : null);
        call.end(EventKind.JOIN_END, child.name, data, outcome);
    }
}
