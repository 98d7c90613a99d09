package dev.procession.hub;

/**
 * Scenario time: real time multiplied by the run's speed. Sleeps and timeouts are deadlines on
 * this clock, so a change of speed while a process sleeps stretches or shrinks what is left.
 */
final class ScenarioClock {
    private double speed;
    private long baseReal = System.nanoTime();
    private double baseScenario;

    ScenarioClock(double speed) {
        this.speed = speed;
    }

    /** Scenario seconds since the run began. */
    double now() {
        return baseScenario + (System.nanoTime() - baseReal) / 1e9 * speed;
    }

    double speed() {
        return speed;
    }

    void setSpeed(double newSpeed) {
        baseScenario = now();
        baseReal = System.nanoTime();
        speed = newSpeed;
    }

    /** Real nanoseconds until the scenario clock reaches {@code deadline}; 0 if it has. */
    long realNanosUntil(double deadline) {
        double left = deadline - now();
        return left <= 0 ? 0 : (long) Math.ceil(left / speed * 1e9);
    }
}
