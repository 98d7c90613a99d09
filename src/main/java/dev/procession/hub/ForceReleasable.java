package dev.procession.hub;

/** A primitive that can be freed by hand when a dead process left it held. */
interface ForceReleasable {
    void forceRelease();
}
