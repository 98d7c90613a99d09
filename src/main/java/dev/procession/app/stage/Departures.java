package dev.procession.app.stage;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.Node;

/**
 * Processes that exited leave a stage by fading out; once faded they are gone for good. A stage
 * keeps drawing a leaving element where it was until its fade ends (or the next frame ends it).
 */
public final class Departures {
    private final Motion motion;
    private final Set<Long> leaving = new HashSet<>();
    private final Set<Long> gone = new HashSet<>();

    public Departures(Motion motion) {
        this.motion = motion;
    }

    /** True once {@code pid}'s element has faded out: draw it no more. */
    public boolean gone(long pid) {
        return gone.contains(pid);
    }

    /** Starts {@code pid}'s fade unless it is under way; {@code removed} runs when it ends. */
    public void leave(long pid, Node node, Runnable removed) {
        if (leaving.add(pid)) {
            motion.fadeOut(node, () -> {
                leaving.remove(pid);
                gone.add(pid);
                removed.run();
            });
        }
    }

    public int goneCount() {
        return gone.size();
    }
}
