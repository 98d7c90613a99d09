package dev.procession.bench;

/**
 * The floor a child's start-up is compared with: a JVM with a child's flags, class path and AOT
 * cache that prints one line and ends, without the hub or a program.
 */
public final class BareHello {
    private BareHello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
