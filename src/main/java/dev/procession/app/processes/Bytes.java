package dev.procession.app.processes;

/** Memory sizes as a person reads them. */
public final class Bytes {
    private Bytes() {
    }

    /** "38.2 MiB", or an en dash when nothing was measured yet. */
    public static String mebibytes(long bytes) {
        return bytes <= 0 ? "\u2013" : String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
