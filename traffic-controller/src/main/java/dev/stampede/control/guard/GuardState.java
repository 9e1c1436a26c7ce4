package dev.stampede.control.guard;

/** Where a guard stands after the latest interval, for the live console. */
public enum GuardState {
    /** Not judged yet: its window is not full, or holds fewer requests than the rule's minimum. */
    WAITING,
    /** Judged, and within its threshold. */
    OK,
    /** Above its threshold, and judged only: it takes no action (a capacity search's SLO guard). */
    BREACHED,
    /** Above its threshold, and its action was taken (once, when it tripped). */
    TRIPPED
}
