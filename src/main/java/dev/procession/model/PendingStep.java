package dev.procession.model;

/**
 * A call of one process held in step mode, as the log tells it: the process waits for the user to
 * let it go.
 *
 * @param op    what it is about to do: the request's op ({@code acquire}, {@code sleep},
 *              {@code proc.join}) or the kind it logs ({@code file-read}, {@code file-write})
 * @param obj   the primitive ("Lock#3") or the child a join waits for, or null
 * @param line  the listing line of the call, 0 when unknown
 * @param turn  how many steps had been let go when it arrived: the oldest has the smallest
 * @param index its process's {@link ProcState#index}, which breaks ties between equal turns
 * @param seq   its {@code step-wait} event
 */
public record PendingStep(long pid, String proc, String op, String obj, int line, long turn, int index, long seq) {
}
