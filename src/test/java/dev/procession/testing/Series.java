package dev.procession.testing;

import java.util.Optional;
import java.util.Random;

/**
 * A randomized series of a fault suite: its size, read from an environment variable for a long
 * series and small by default so that ./verify stays short, and its seed, which the summary
 * line and every failure name so that a failing series can be looked into.
 */
public record Series(int size, long seed, Random random) {

    public static Series fromEnv(String variable, int byDefault) {
        int size = Optional.ofNullable(System.getenv(variable)).map(Integer::parseInt).orElse(byDefault);
        long seed = System.nanoTime();
        return new Series(size, seed, new Random(seed));
    }

    /** {@code failure} with the seed and {@code where} in the series in front of its message. */
    public AssertionError failed(String where, AssertionError failure) {
        return new AssertionError("seed " + seed + ", " + where + ": " + failure.getMessage(), failure);
    }
}
