package dev.procession.app;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;

/**
 * Puts a parent's children in a wanted order by touching only those out of place. A
 * {@code setAll} takes every child off the scene and puts it back, and the scene then restyles
 * each one: with 100 people in a queue that was most of a frame whenever one of them left it.
 */
public final class Children {
    private Children() {
    }

    /** Makes {@code children} hold exactly {@code wanted}, in that order. */
    public static void arrange(List<Node> children, List<? extends Node> wanted) {
        if (children.equals(wanted)) {
            return;
        }
        Set<Node> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(wanted);
        children.removeIf(n -> !keep.contains(n));
        for (int i = 0; i < wanted.size(); i++) {
            Node n = wanted.get(i);
            if (i < children.size() && children.get(i) == n) {
                continue;
            }
            // Out of place: moved from further on (or from another parent), alone.
            children.remove(n);
            children.add(i, n);
        }
    }
}
