package dev.procession.bench;

import com.sun.javafx.perf.PerformanceTracker;
import dev.procession.app.run.RunPump;
import dev.procession.events.Event;
import dev.procession.events.EventLog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Times the window's frames while it is {@link #recording}: every pulse from its start (this
 * recorder's AnimationTimer, started before the pump's, so it runs first in the pulse) to the
 * end of the scene's layout (a post-layout pulse listener): the FX thread's whole frame work
 * (animations, the pump, CSS, layout). Rendering happens after, on the render thread; the pulse
 * interval shows when it holds a pulse back. A frame is on screen once the render thread has drawn
 * it: the scene's performance tracker says when, so the recorder also takes each pulse's start to
 * its frame rendered (frame work, synchronisation with the render graph and the painting) and
 * every event's append to the frame showing it. From the pump's observer it takes the pump's
 * share, each view's share and, for every event folded, the delay from its append to that pull.
 * FX thread only, except {@link #recording}, {@link #log} and the render thread's callback.
 */
final class FrameRecorder implements RunPump.FrameObserver {
    private final Function<RunPump.FrameListener, String> names;
    private final AnimationTimer start = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulseStarted();
        }
    };
    private final Runnable pulseEnd = this::pulseEnded;
    private final Scene scene;

    /** What one stretch of recording saw, in milliseconds; {@code events} is per pulse. */
    record Samples(List<Double> pulseMs, List<Double> intervalMs, List<Double> pumpMs, List<Double> foldMs,
                   List<Double> eventToPullMs, List<Double> eventToLayoutMs, Map<String, List<Double>> viewMs,
                   List<Long> events, List<Double> pulseCpuMs, List<Double> pumpCpuMs,
                   Map<String, List<Double>> viewCpuMs, List<Double> renderedMs, List<Double> eventToRenderedMs) {
        Samples() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** A pulse laid out, to be drawn next: its start, its layout's end, its events' delays to its start. */
    private record Handed(long pulseStart, long laidOut, List<Double> delaysToStart) {
    }

    /** The pulses laid out while recording, in order; FX thread. */
    private final List<Handed> handed = new ArrayList<>();
    /** When the render thread finished each frame, in order. */
    private final ConcurrentLinkedQueue<Long> rendered = new ConcurrentLinkedQueue<>();
    private final PerformanceTracker tracker;

    /**
     * The FX thread's own CPU time: on a loaded machine the wall-clock figures include the time
     * the thread waited for a core; its CPU time is what the frame costs, whatever the load.
     */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Samples s = new Samples();
    private final List<Double> pendingDelays = new ArrayList<>();

    /** The run's log, for its clock; set before {@link #recording} turns true. */
    volatile EventLog log;
    volatile boolean recording;
    private long pulseStart;
    private long pulseCpu;
    private long pullCpu;
    private long listenerCpu;
    private long lastPulseStart;
    private long pulseEvents;

    FrameRecorder(Scene scene, Function<RunPump.FrameListener, String> names) {
        this.scene = scene;
        this.names = names;
        this.tracker = PerformanceTracker.getSceneTracker(scene);
    }

    /** On the render thread: a frame is drawn. */
    private void frameRendered() {
        if (recording) {
            rendered.add(System.nanoTime());
        }
    }

    /**
     * Matches the pulses laid out to the frames drawn: a pulse is on screen with the first frame
     * drawn after its layout (a pulse that changed nothing is drawn with the next that did). A
     * frame's time runs from the start of the last pulse laid out before it; an event's to the
     * first frame drawn after the pulse that folded it.
     */
    private void matchRendered(Samples into) {
        List<Long> done = new ArrayList<>();
        for (Long t = rendered.poll(); t != null; t = rendered.poll()) {
            done.add(t);
        }
        int next = 0;
        for (int i = 0; i < handed.size(); i++) {
            Handed h = handed.get(i);
            while (next < done.size() && done.get(next) < h.laidOut()) {
                next++;
            }
            if (next == done.size()) {
                break;
            }
            long drawn = done.get(next);
            boolean lastBefore = i + 1 == handed.size() || handed.get(i + 1).laidOut() > drawn;
            if (lastBefore) {
                into.renderedMs().add(ms(drawn - h.pulseStart()));
            }
            for (double d : h.delaysToStart()) {
                into.eventToRenderedMs().add(d + ms(drawn - h.pulseStart()));
            }
        }
        handed.clear();
    }

    /** Starts timing pulses; call before the pump follows the run, so that this timer runs first. */
    void attach(RunPump pump) {
        start.start();
        scene.addPostLayoutPulseListener(pulseEnd);
        tracker.setOnRenderedFrameTask(this::frameRendered);
        pump.setObserver(this);
    }

    /** What was recorded since the last call, and a fresh start; FX thread. */
    Samples drain() {
        Samples taken = s;
        matchRendered(taken);
        s = new Samples();
        return taken;
    }

    void detach(RunPump pump) {
        pump.setObserver(null);
        scene.removePostLayoutPulseListener(pulseEnd);
        tracker.setOnRenderedFrameTask(null);
        start.stop();
    }

    private void pulseStarted() {
        long now = System.nanoTime();
        if (recording && lastPulseStart != 0) {
            s.intervalMs().add(ms(now - lastPulseStart));
        }
        lastPulseStart = now;
        pulseStart = now;
        pulseCpu = THREADS.getCurrentThreadCpuTime();
        pulseEvents = 0;
        pendingDelays.clear();
    }

    /** The scene's layout is done: the frame is ready for the render thread. */
    private void pulseEnded() {
        if (pulseStart == 0) {
            return;
        }
        long now = System.nanoTime();
        if (recording) {
            s.pulseMs().add(ms(now - pulseStart));
            s.pulseCpuMs().add(ms(THREADS.getCurrentThreadCpuTime() - pulseCpu));
            s.events().add(pulseEvents);
            for (double d : pendingDelays) {
                s.eventToLayoutMs().add(d + ms(now - pulseStart));
            }
            handed.add(new Handed(pulseStart, now, List.copyOf(pendingDelays)));
        }
        pulseStart = 0;
    }

    @Override
    public void pulling() {
        pullCpu = THREADS.getCurrentThreadCpuTime();
        listenerCpu = pullCpu;
    }

    @Override
    public void listener(RunPump.FrameListener listener, long nanos) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (recording) {
            String name = names.apply(listener);
            s.viewMs().computeIfAbsent(name, k -> new ArrayList<>()).add(ms(nanos));
            // From the previous listener's end (or the pull's start, so the first view's includes the fold).
            s.viewCpuMs().computeIfAbsent(name, k -> new ArrayList<>()).add(ms(cpu - listenerCpu));
        }
        listenerCpu = cpu;
    }

    @Override
    public void frame(long startNanos, long foldedNanos, long endNanos, List<Event> fresh) {
        EventLog clock = log;
        if (!recording || clock == null) {
            return;
        }
        s.pumpMs().add(ms(endNanos - startNanos));
        s.pumpCpuMs().add(ms(THREADS.getCurrentThreadCpuTime() - pullCpu));
        s.foldMs().add(ms(foldedNanos - startNanos));
        // The pull's moment on the log's own clock: events carry EventLog.nowMicros() at append.
        long pullMicros = clock.nowMicros() - (System.nanoTime() - startNanos) / 1000;
        double sincePulseMs = pulseStart == 0 ? 0 : ms(startNanos - pulseStart);
        for (Event e : fresh) {
            double delay = (pullMicros - e.micros()) / 1000.0;
            s.eventToPullMs().add(delay);
            // Measured to the pull; the layout figure adds the rest of this pulse, from its start.
            pendingDelays.add(delay - sincePulseMs);
        }
        pulseEvents += fresh.size();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
