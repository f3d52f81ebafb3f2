package io.github.missedcalls.pbx.asterisk;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One CDR row: one path between Party A and Party B.
 *
 * @param line where it is in the file
 * @param src Party A's caller-ID number
 * @param dst what Party A dialled
 * @param clid Party A's full caller ID, {@code "Name" <number>}
 * @param channel Party A's channel
 * @param dstChannel Party B's channel; empty when there was no Party B
 * @param lastApp Party A's last dialplan application
 * @param start when the path started
 * @param answer when it was answered, if it was
 * @param end when it ended
 * @param billsec seconds between answer and end of this path
 * @param disposition what happened on this path
 * @param uniqueId Party A channel's id, where the layout has it
 * @param linkedId the call's id (the oldest channel's uniqueid), where the layout has it
 * @param sequence a counter that orders rows written at the same second; -1 when absent
 * @param did the dialled company number, where a database export has it
 */
record CdrLeg(
        long line,
        String src,
        String dst,
        String clid,
        String channel,
        String dstChannel,
        String lastApp,
        Instant start,
        @Nullable Instant answer,
        Instant end,
        long billsec,
        Disposition disposition,
        @Nullable String uniqueId,
        @Nullable String linkedId,
        long sequence,
        @Nullable String did) {

    private static final String LOCAL_CHANNEL = "local/";

    /** The caller's number: {@code src}, or the number in {@code clid} when {@code src} is empty. */
    @Nullable
    String callerNumber() {
        if (!src.isEmpty()) {
            return src;
        }
        int open = clid.lastIndexOf('<');
        int close = clid.lastIndexOf('>');
        if (open >= 0 && close > open + 1) {
            return clid.substring(open + 1, close).strip();
        }
        return null;
    }

    /** Whether Party A is a Local channel: a leg of some other channel's call, never a call of its own. */
    boolean partyAIsLocal() {
        return channel.toLowerCase(Locale.ROOT).startsWith(LOCAL_CHANNEL);
    }

    /** Whether Party B is a Local channel ({@code Local/101@from-queue-0000001a;1}). */
    boolean partyBIsLocal() {
        return dstChannel.toLowerCase(Locale.ROOT).startsWith(LOCAL_CHANNEL);
    }

    /** When Party B answered: billsec counts from there to the end of this path. */
    Instant answeredByPartyB() {
        return end.minusSeconds(billsec);
    }

    /** The device behind a channel name: {@code SIP/301-00000004} is {@code SIP/301}. */
    static String device(String channelName) {
        String device = channelName;
        int semicolon = device.lastIndexOf(';');
        if (semicolon > 0) {
            device = device.substring(0, semicolon);
        }
        int dash = device.lastIndexOf('-');
        if (dash > device.indexOf('/') && device.substring(dash + 1).matches("[0-9a-fA-F]+")) {
            device = device.substring(0, dash);
        }
        return device;
    }
}
