package dev.procession.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the code view's Java tab puts a process: the log says which line of the Python listing
 * it is at, and the marker of that line names the Java statement that made the call. One
 * Python line can carry two markers ({@code with lock:  # @with-enter @with-exit}, entered
 * by {@code acquire()} and left by {@code release()}); the log does not say which, so the
 * Java tab shows the first in the Java source, the one a process can block on.
 */
public final class ListingToJava {
    private ListingToJava() {
    }

    /** One entry per Python line, in order: the Java line shown for it, or 0 where no call is marked. */
    public static List<Integer> lines(Listing python, Listing java) {
        int[] javaLine = new int[python.lines().size()];
        for (Map.Entry<String, Integer> marker : python.markers().entrySet()) {
            Integer inJava = java.markers().get(marker.getKey());
            if (inJava == null) {
                continue;
            }
            int i = marker.getValue() - 1;
            javaLine[i] = javaLine[i] == 0 ? inJava : Math.min(javaLine[i], inJava);
        }
        return Arrays.stream(javaLine).boxed().toList();
    }
}
