package io.github.missedcalls.internal;

/**
 * What R2 does with copies of one record that differ: calls with one id, or handles with one key
 * (client, instant, actor), compared after their client numbers are normalized. Equal copies
 * always count once. The batch report and the live tracker differ only here, because the
 * tracker has used a copy before the next one comes (docs/decisions.md, "Duplicate records").
 */
public enum DuplicatePolicy {
    /**
     * The batch report's: it sees every copy before it uses one, so every copy of a conflicting
     * record is rejected and none counts. The report is the same whatever order the copies came in.
     */
    REJECT_EVERY_COPY,
    /**
     * The live tracker's: the first copy counts, and each later copy that differs is rejected.
     * The tracker compares a copy with the client's records not yet past the watermark, so copies
     * delivered within the allowed lateness of the first one's start are all caught.
     */
    FIRST_COPY_WINS
}
