package io.github.missedcalls.pbx.asterisk;

import io.github.missedcalls.Managers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code queue_log} says about one caller channel ({@code callid}), across every queue it
 * passed through.
 *
 * <p>Answered: a {@code CONNECT} not undone by a later {@code SYSCOMPAT}. Managers: rung when a
 * member was offered the call ({@code RINGNOANSWER}, {@code RINGCANCELED}, {@code CONNECT},
 * {@code AGENTDUMP}); unavailable when the queue had nobody to ring ({@code EXITEMPTY}, and the
 * {@code FULL}/{@code JOINEMPTY}/{@code JOINUNAVAIL}/{@code LEAVEEMPTY}/{@code LEAVEUNAVAIL}
 * that some distributions write); otherwise the log does not say.
 */
final class QueueCall {

    private static final Pattern CALLER_ID = Pattern.compile("\\+?[0-9]{3,15}");

    /** What an event tells about the caller's call. */
    enum Effect {
        /** {@code ENTERQUEUE}: the caller joined a queue; data2 is the caller ID (data1 in PBXware's). */
        ENTERED,
        /** {@code DID}: the company number dialled. */
        DIALLED_NUMBER,
        /** A member was rung and did not answer. */
        MEMBER_RUNG,
        /** A member answered. */
        CONNECTED,
        /** A member answered but the channels could not be bridged: not an answer after all. */
        CONNECT_FAILED,
        /** The answered conversation ended (completed or transferred). */
        CONVERSATION_ENDED,
        /** The member hung up during the announcement: rung, not answered; the caller may wait on. */
        MEMBER_DUMPED,
        /** The caller left the queue unanswered while members could be rung. */
        LEFT,
        /** The caller was forced out, or never let in, because no member could be rung. */
        LEFT_NO_MEMBERS,
        /** The queue was closed (Wazo's {@code CLOSED}): outside business hours, as the PBX says. */
        CLOSED,
        /** Member state and housekeeping: not part of a caller's call. */
        NOT_A_CALL_EVENT
    }

    /** Every event the stock {@code app_queue} and the common distributions write; others are ignored. */
    static final Map<String, Effect> EFFECTS = Map.ofEntries(
            Map.entry("ENTERQUEUE", Effect.ENTERED),
            Map.entry("DID", Effect.DIALLED_NUMBER),
            Map.entry("RINGNOANSWER", Effect.MEMBER_RUNG),
            Map.entry("RINGCANCELED", Effect.MEMBER_RUNG),
            Map.entry("CONNECT", Effect.CONNECTED),
            Map.entry("SYSCOMPAT", Effect.CONNECT_FAILED),
            Map.entry("COMPLETECALLER", Effect.CONVERSATION_ENDED),
            Map.entry("COMPLETEAGENT", Effect.CONVERSATION_ENDED),
            Map.entry("TRANSFER", Effect.CONVERSATION_ENDED),
            Map.entry("BLINDTRANSFER", Effect.CONVERSATION_ENDED),
            Map.entry("ATTENDEDTRANSFER", Effect.CONVERSATION_ENDED),
            Map.entry("AGENTDUMP", Effect.MEMBER_DUMPED),
            Map.entry("ABANDON", Effect.LEFT),
            Map.entry("EXITWITHTIMEOUT", Effect.LEFT),
            Map.entry("EXITWITHKEY", Effect.LEFT),
            Map.entry("EXITEMPTY", Effect.LEFT_NO_MEMBERS),
            Map.entry("FULL", Effect.LEFT_NO_MEMBERS),
            Map.entry("JOINEMPTY", Effect.LEFT_NO_MEMBERS),
            Map.entry("JOINUNAVAIL", Effect.LEFT_NO_MEMBERS),
            Map.entry("LEAVEEMPTY", Effect.LEFT_NO_MEMBERS),
            Map.entry("LEAVEUNAVAIL", Effect.LEFT_NO_MEMBERS),
            Map.entry("CLOSED", Effect.CLOSED),
            Map.entry("ADDMEMBER", Effect.NOT_A_CALL_EVENT),
            Map.entry("REMOVEMEMBER", Effect.NOT_A_CALL_EVENT),
            Map.entry("PAUSE", Effect.NOT_A_CALL_EVENT),
            Map.entry("UNPAUSE", Effect.NOT_A_CALL_EVENT),
            Map.entry("PAUSEALL", Effect.NOT_A_CALL_EVENT),
            Map.entry("UNPAUSEALL", Effect.NOT_A_CALL_EVENT),
            Map.entry("PENALTY", Effect.NOT_A_CALL_EVENT),
            Map.entry("AGENTLOGIN", Effect.NOT_A_CALL_EVENT),
            Map.entry("AGENTLOGOFF", Effect.NOT_A_CALL_EVENT),
            Map.entry("AGENTCALLBACKLOGIN", Effect.NOT_A_CALL_EVENT),
            Map.entry("AGENTCALLBACKLOGOFF", Effect.NOT_A_CALL_EVENT),
            Map.entry("QUEUESTART", Effect.NOT_A_CALL_EVENT),
            Map.entry("CONFIGRELOAD", Effect.NOT_A_CALL_EVENT));

    private final String callId;
    private final long firstLine;
    private Instant firstEvent;
    private Instant lastEvent;
    private boolean entered;
    private @Nullable String callerId;
    private @Nullable String dialledNumber;
    private @Nullable Instant connectedAt;
    private @Nullable String connectedMember;
    private boolean memberRung;
    private boolean noMembers;
    private boolean closed;

    QueueCall(String callId, long firstLine, Instant at) {
        this.callId = callId;
        this.firstLine = firstLine;
        this.firstEvent = at;
        this.lastEvent = at;
    }

    /** The effect of an event name; {@code null} for an event this adapter does not know. */
    static @Nullable Effect effectOf(String event) {
        return EFFECTS.get(event.strip().toUpperCase(Locale.ROOT));
    }

    /** Adds one event; {@code data} are the fields after the event name. */
    void add(Instant at, String agent, Effect effect, List<String> data) {
        if (at.isBefore(firstEvent)) {
            firstEvent = at;
        }
        if (at.isAfter(lastEvent)) {
            lastEvent = at;
        }
        switch (effect) {
            case ENTERED -> {
                entered = true;
                if (callerId == null && data.size() > 1 && !data.get(1).isBlank()) {
                    callerId = data.get(1).strip();
                } else if (callerId == null
                        && !data.isEmpty()
                        && CALLER_ID.matcher(data.get(0).strip()).matches()) {
                    // PBXware writes the caller ID in data1, where Asterisk keeps the URL.
                    callerId = data.get(0).strip();
                }
            }
            case DIALLED_NUMBER -> {
                if (!data.isEmpty() && !data.get(0).isBlank()) {
                    dialledNumber = data.get(0).strip();
                }
            }
            case MEMBER_RUNG, MEMBER_DUMPED -> memberRung = true;
            case CONNECTED -> {
                memberRung = true;
                if (connectedAt == null) {
                    connectedAt = at;
                    connectedMember = agent;
                }
            }
            case CONNECT_FAILED -> {
                connectedAt = null;
                connectedMember = null;
            }
            case LEFT_NO_MEMBERS -> noMembers = true;
            case CLOSED -> closed = true;
            case CONVERSATION_ENDED, LEFT, NOT_A_CALL_EVENT -> {
                // The end of the call is the last event; nothing else to note.
            }
        }
    }

    String callId() {
        return callId;
    }

    long firstLine() {
        return firstLine;
    }

    /** Whether the caller joined a queue (or tried to): member-only events make no call. */
    boolean isCall() {
        return entered || connectedAt != null || memberRung || noMembers || closed;
    }

    boolean hasCallerId() {
        return entered;
    }

    @Nullable
    String callerId() {
        return callerId;
    }

    @Nullable
    String dialledNumber() {
        return dialledNumber;
    }

    @Nullable
    Instant connectedAt() {
        return connectedAt;
    }

    @Nullable
    String connectedMember() {
        return connectedMember;
    }

    boolean closed() {
        return closed;
    }

    /**
     * When the caller's channel was created: the callid is its uniqueid, {@code <epoch>.<counter>}
     * with an optional {@code systemname-} prefix. Time spent in the IVR before the queue counts
     * towards the call, so this beats the first queue event; the first event is the fallback.
     */
    Instant channelCreated() {
        String id = callId.substring(callId.lastIndexOf('-') + 1);
        int dot = id.indexOf('.');
        String seconds = dot < 0 ? id : id.substring(0, dot);
        if (seconds.matches("[0-9]{9,11}")) {
            Instant created = Instant.ofEpochSecond(Long.parseLong(seconds));
            if (!created.isAfter(firstEvent)) {
                return created;
            }
        }
        return firstEvent;
    }

    Instant firstEvent() {
        return firstEvent;
    }

    Instant lastEvent() {
        return lastEvent;
    }

    /** Whether members were rung, could not be, or the log does not say ({@code null}). */
    @Nullable
    Managers managers() {
        if (memberRung) {
            return Managers.RANG;
        }
        return noMembers ? Managers.UNAVAILABLE : null;
    }
}
