package dev.procession.model;

/**
 * The one word a view shows for a process: its activity, unless a signal froze it (paused) or
 * its parent ended first (orphan). Views pair it with an icon and a word, never colour alone.
 */
public enum ProcStatus {
    STARTING, RUNNING, SLEEPING, BLOCKED, PAUSED, ORPHAN, EXITED,
    /** Step mode holds its call: it goes when the user lets it. */
    HELD
}
