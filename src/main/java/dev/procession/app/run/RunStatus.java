package dev.procession.app.run;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The live figures of the status bar. The run model's per-frame pump feeds them with
 * {@link #update}; until it does, {@link #knownProperty()} is false and the bar shows a dash
 * rather than a number nobody measured.
 */
public final class RunStatus {
    private final ReadOnlyBooleanWrapper known = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper liveProcesses = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper memoryBytes = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper scenarioSeconds = new ReadOnlyDoubleWrapper();

    // ---------------------------------------------------------------- properties

    /** Whether the figures below come from a run (false before the first update of a run). */
    public ReadOnlyBooleanProperty knownProperty() {
        return known.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty liveProcessesProperty() {
        return liveProcesses.getReadOnlyProperty();
    }

    /** Resident memory of all the run's processes together. */
    public ReadOnlyLongProperty memoryBytesProperty() {
        return memoryBytes.getReadOnlyProperty();
    }

    /** Time on the run's scenario clock (real time times the speed). */
    public ReadOnlyDoubleProperty scenarioSecondsProperty() {
        return scenarioSeconds.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- commands

    /** Called on the FX thread once per frame by the run model's pump with what the log says now. */
    public void update(int liveProcesses, long memoryBytes, double scenarioSeconds) {
        if (liveProcesses < 0 || memoryBytes < 0 || !(scenarioSeconds >= 0)) {
            throw new IllegalArgumentException("status figures must be non-negative, got " + liveProcesses
                    + " processes, " + memoryBytes + " bytes, " + scenarioSeconds + " s");
        }
        this.liveProcesses.set(liveProcesses);
        this.memoryBytes.set(memoryBytes);
        this.scenarioSeconds.set(scenarioSeconds);
        known.set(true);
    }

    /** Back to "not measured", for a new run or a reset. */
    public void clear() {
        known.set(false);
        liveProcesses.set(0);
        memoryBytes.set(0);
        scenarioSeconds.set(0);
    }
}
