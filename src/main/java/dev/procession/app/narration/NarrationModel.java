package dev.procession.app.narration;

import dev.procession.app.Messages;
import dev.procession.app.run.RunPump;
import dev.procession.events.Event;
import dev.procession.model.RunState;
import dev.procession.scenario.Scenario;
import dev.procession.scenario.Scenarios;
import dev.procession.scenario.UnknownScenarioException;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The narration of the run on screen: the scenario's concept first, then one sentence per event
 * worth telling. Fed by the pump every frame, shown or not, since it is a story that grows; it
 * keeps the last {@value #KEEP} sentences.
 */
public final class NarrationModel implements RunPump.FrameListener {
    static final int KEEP = 2000;

    private final ObservableList<NarrationLine> lines = FXCollections.observableArrayList();
    private final ObservableList<NarrationLine> readOnly = FXCollections.unmodifiableObservableList(lines);
    private NarrationTexts texts = NarrationTexts.current();
    private Narrator narrator = new Narrator(texts);
    private boolean introduced;

    /** The sentences so far, oldest first. */
    public ObservableList<NarrationLine> lines() {
        return readOnly;
    }

    @Override
    public void onFrame(RunState before, RunState after, List<Event> events) {
        if (after.seq() == 0) {
            lines.clear();
            introduced = false;
            return;
        }
        if (!introduced) {
            introduced = true;
            introduction(after, texts).ifPresent(lines::add);
        }
        lines.addAll(narrator.narrate(before, events));
        if (lines.size() > KEEP) {
            lines.remove(0, lines.size() - KEEP);
        }
    }

    /** Speaks {@code texts}' language from the next sentence on (the ones said stay as they were said). */
    public void speak(NarrationTexts language) {
        texts = language;
        narrator = new Narrator(language);
    }

    /** The scenario's concept, as the course states it (its explanation where the course is silent). */
    private static Optional<NarrationLine> introduction(RunState state, NarrationTexts texts) {
        String id = state.header().scenario();
        if (id == null) {
            return Optional.empty();
        }
        try {
            Scenario s = Scenarios.byId(id);
            String concept = texts.has("concept." + id) ? texts.get("concept." + id) : Messages.pick(s.explanation());
            return Optional.of(new NarrationLine(0, 0, 0, Messages.pick(s.title()) + ". " + concept));
        } catch (UnknownScenarioException notAScenario) {
            // A test program or a Python script: no concept to open with.
            return Optional.empty();
        }
    }
}
