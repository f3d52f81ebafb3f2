package io.github.missedcalls;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A record or handle that the report did not use, and why (R2). Nothing is dropped silently:
 * every rejection is in {@link Report#rejections()}.
 *
 * @param kind whether a call record or a handle was rejected
 * @param id the call's id, where known; {@code null} for handles and records without one
 * @param line where the source is a file: the line on which the record starts; otherwise {@code null}
 * @param reason why, in words a person reads ("ends before it starts")
 */
public record Rejection(
        Kind kind, @Nullable String id, @Nullable Long line, String reason) {

    /** What was rejected. */
    public enum Kind {
        CALL,
        HANDLE
    }

    public Rejection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** A rejected call record. */
    public static Rejection ofCall(@Nullable String id, @Nullable Long line, String reason) {
        return new Rejection(Kind.CALL, id, line, reason);
    }

    /** A rejected handle. */
    public static Rejection ofHandle(@Nullable Long line, String reason) {
        return new Rejection(Kind.HANDLE, null, line, reason);
    }

    /** The same rejection, placed on a line of its file. */
    public Rejection atLine(long newLine) {
        return new Rejection(kind, id, newLine, reason);
    }

    /**
     * One line for a log or a terminal, as the command line prints it: {@code rejected line 7 (id
     * 42): ends before it starts}, {@code rejected handles line 3: blank note for other}.
     */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(kind == Kind.HANDLE ? "rejected handles" : "rejected");
        if (line != null) {
            where.append(" line ").append(line);
        }
        if (id != null) {
            where.append(" (id ").append(id).append(')');
        }
        return where.append(": ").append(reason).toString();
    }
}
