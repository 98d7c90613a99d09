package dev.procession.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable first-in-first-out queue whose add and poll share structure with the queue they
 * came from (two linked lists, the back one reversed on demand), so that folding a queue of
 * thousands of items costs no copy per event.
 */
public final class PQueue<T> {
    private record Node<T>(T head, Node<T> tail) {
    }

    private static final PQueue<?> EMPTY = new PQueue<>(null, null, 0);

    private final Node<T> front;
    private final Node<T> back;
    private final int size;

    private PQueue(Node<T> front, Node<T> back, int size) {
        this.front = front;
        this.back = back;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <T> PQueue<T> empty() {
        return (PQueue<T>) EMPTY;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public PQueue<T> add(T item) {
        return normalized(front, new Node<>(item, back), size + 1);
    }

    /** The queue without its first item (the same queue if empty). */
    public PQueue<T> poll() {
        if (front == null) {
            return this;
        }
        return normalized(front.tail, back, size - 1);
    }

    public T peek() {
        return front == null ? null : front.head;
    }

    /** Up to {@code n} items from the front, in order. */
    public List<T> first(int n) {
        List<T> out = new ArrayList<>(Math.min(n, size));
        for (Node<T> x = front; x != null && out.size() < n; x = x.tail) {
            out.add(x.head);
        }
        if (out.size() < n && back != null) {
            List<T> rest = new ArrayList<>();
            for (Node<T> x = back; x != null; x = x.tail) {
                rest.add(x.head);
            }
            for (int i = rest.size() - 1; i >= 0 && out.size() < n; i--) {
                out.add(rest.get(i));
            }
        }
        return out;
    }

    public List<T> toList() {
        return first(size);
    }

    /** Keeps the front non-empty whenever the queue is: the back is reversed once, when needed. */
    private static <T> PQueue<T> normalized(Node<T> front, Node<T> back, int size) {
        if (front == null && back != null) {
            Node<T> reversed = null;
            for (Node<T> x = back; x != null; x = x.tail) {
                reversed = new Node<>(x.head, reversed);
            }
            return new PQueue<>(reversed, null, size);
        }
        return new PQueue<>(front, back, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PQueue<?> q && q.size == size && q.toList().equals(toList());
    }

    @Override
    public int hashCode() {
        return toList().hashCode();
    }

    @Override
    public String toString() {
        return toList().toString();
    }
}
