package io.github.missedcalls;

/**
 * One way of naming the employee expected to call a client back (R16); a project lists them in
 * the order it trusts them and the first that names someone wins. An assignment made by hand
 * comes before all of them.
 */
public enum OwnerRule {
    /**
     * The employee on the client's last successful call before the group's first missed call,
     * within {@link WorkflowSettings#ownerLookBack()}. Only calls the report reads count: those from
     * the window's start on.
     */
    LAST_REACHED,
    /** The employee who made the group's last callback attempt. */
    LAST_ATTEMPT,
    /** The owner set for the line of the group's first missed call. */
    LINE_OWNER
}
