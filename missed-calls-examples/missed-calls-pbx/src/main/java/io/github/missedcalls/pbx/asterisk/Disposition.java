package io.github.missedcalls.pbx.asterisk;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code disposition} of one CDR: what happened on the path between Party A and Party B
 * (Asterisk 12 and later), not to the call as a whole.
 */
public enum Disposition {
    /** The path was answered (by a person, or by the PBX itself for an IVR or voicemail). */
    ANSWERED("ANSWERED"),
    /** Never answered: the callee did not pick up, or the caller hung up while it rang. */
    NO_ANSWER("NO ANSWER"),
    /** The callee was busy. */
    BUSY("BUSY"),
    /** The dial failed: the callee is unregistered or unreachable. */
    FAILED("FAILED"),
    /** Congestion; only written with {@code congestion=yes} in {@code cdr.conf}. */
    CONGESTION("CONGESTION"),
    /** The caller cancelled; only written with {@code canceldispositionenabled=yes}. */
    CANCEL("CANCEL");

    private final String text;

    Disposition(String text) {
        this.text = text;
    }

    /** As Asterisk writes it: {@code NO ANSWER} with a space. */
    public String text() {
        return text;
    }

    /** Whether a person was offered the call on this path: they could have answered. */
    boolean rang() {
        return this == NO_ANSWER || this == CANCEL || this == ANSWERED;
    }

    /** Reads Asterisk's spelling in any letter case ({@code NO_ANSWER} also reads as {@code NO ANSWER}); empty for anything else. */
    public static Optional<Disposition> fromText(String value) {
        String wanted = value.strip().replace('_', ' ').toUpperCase(Locale.ROOT);
        for (Disposition disposition : values()) {
            if (disposition.text.equals(wanted)) {
                return Optional.of(disposition);
            }
        }
        return Optional.empty();
    }
}
