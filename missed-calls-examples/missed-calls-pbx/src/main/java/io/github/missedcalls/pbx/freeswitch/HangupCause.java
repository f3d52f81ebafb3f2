package io.github.missedcalls.pbx.freeswitch;

import io.github.missedcalls.Managers;
import io.github.missedcalls.Stage;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * FreeSWITCH's {@code hangup_cause} names and what each says about an unanswered call: where it
 * ended ({@link #stage()}) and whether managers could be rung ({@link #managers()}). Causes that
 * say neither (protocol errors, shutdowns) give no stage: the classifier then decides by
 * duration alone (R9). {@link #LOSE_RACE} and {@link #PICKED_OFF} end a leg that another leg
 * answered: such a row is no call of its own.
 */
public enum HangupCause {
    NONE(Outcome.NO_STAGE),
    UNALLOCATED_NUMBER(Outcome.NO_ROUTE),
    NO_ROUTE_TRANSIT_NET(Outcome.NO_ROUTE),
    NO_ROUTE_DESTINATION(Outcome.NO_ROUTE),
    CHANNEL_UNACCEPTABLE(Outcome.NO_STAGE),
    CALL_AWARDED_DELIVERED(Outcome.NO_STAGE),
    /** A normal end; on an unanswered leg the dialplan hung up without offering the call to anyone. */
    NORMAL_CLEARING(Outcome.NO_ROUTE),
    USER_BUSY(Outcome.UNAVAILABLE),
    NO_USER_RESPONSE(Outcome.RANG),
    NO_ANSWER(Outcome.RANG),
    SUBSCRIBER_ABSENT(Outcome.UNAVAILABLE),
    CALL_REJECTED(Outcome.UNAVAILABLE),
    NUMBER_CHANGED(Outcome.NO_ROUTE),
    REDIRECTION_TO_NEW_DESTINATION(Outcome.NO_STAGE),
    EXCHANGE_ROUTING_ERROR(Outcome.NO_ROUTE),
    DESTINATION_OUT_OF_ORDER(Outcome.UNAVAILABLE),
    INVALID_NUMBER_FORMAT(Outcome.NO_ROUTE),
    FACILITY_REJECTED(Outcome.NO_STAGE),
    RESPONSE_TO_STATUS_ENQUIRY(Outcome.NO_STAGE),
    NORMAL_UNSPECIFIED(Outcome.NO_STAGE),
    NORMAL_CIRCUIT_CONGESTION(Outcome.UNAVAILABLE),
    NETWORK_OUT_OF_ORDER(Outcome.UNAVAILABLE),
    NORMAL_TEMPORARY_FAILURE(Outcome.UNAVAILABLE),
    SWITCH_CONGESTION(Outcome.UNAVAILABLE),
    ACCESS_INFO_DISCARDED(Outcome.NO_STAGE),
    REQUESTED_CHAN_UNAVAIL(Outcome.UNAVAILABLE),
    PRE_EMPTED(Outcome.NO_STAGE),
    FACILITY_NOT_SUBSCRIBED(Outcome.NO_STAGE),
    OUTGOING_CALL_BARRED(Outcome.FORBIDDEN),
    INCOMING_CALL_BARRED(Outcome.FORBIDDEN),
    BEARERCAPABILITY_NOTAUTH(Outcome.NO_STAGE),
    BEARERCAPABILITY_NOTAVAIL(Outcome.NO_STAGE),
    SERVICE_UNAVAILABLE(Outcome.UNAVAILABLE),
    BEARERCAPABILITY_NOTIMPL(Outcome.NO_STAGE),
    CHAN_NOT_IMPLEMENTED(Outcome.NO_STAGE),
    FACILITY_NOT_IMPLEMENTED(Outcome.NO_STAGE),
    SERVICE_NOT_IMPLEMENTED(Outcome.NO_STAGE),
    INVALID_CALL_REFERENCE(Outcome.NO_STAGE),
    INCOMPATIBLE_DESTINATION(Outcome.NO_STAGE),
    INVALID_MSG_UNSPECIFIED(Outcome.NO_STAGE),
    MANDATORY_IE_MISSING(Outcome.NO_STAGE),
    MESSAGE_TYPE_NONEXIST(Outcome.NO_STAGE),
    WRONG_MESSAGE(Outcome.NO_STAGE),
    IE_NONEXIST(Outcome.NO_STAGE),
    INVALID_IE_CONTENTS(Outcome.NO_STAGE),
    WRONG_CALL_STATE(Outcome.NO_STAGE),
    /** A SIP timer expired: the manager's phone did not respond. */
    RECOVERY_ON_TIMER_EXPIRE(Outcome.UNAVAILABLE),
    MANDATORY_IE_LENGTH_ERROR(Outcome.NO_STAGE),
    PROTOCOL_ERROR(Outcome.NO_STAGE),
    INTERWORKING(Outcome.NO_STAGE),
    SUCCESS(Outcome.NO_STAGE),
    /** The caller hung up before anyone answered, while the call was being offered. */
    ORIGINATOR_CANCEL(Outcome.RANG),
    CRASH(Outcome.NO_STAGE),
    SYSTEM_SHUTDOWN(Outcome.NO_STAGE),
    /** Another leg of a ring group answered first: no call of its own, never a missed call. */
    LOSE_RACE(Outcome.ANSWERED_ELSEWHERE),
    MANAGER_REQUEST(Outcome.NO_STAGE),
    BLIND_TRANSFER(Outcome.NO_STAGE),
    ATTENDED_TRANSFER(Outcome.NO_STAGE),
    ALLOTTED_TIMEOUT(Outcome.RANG),
    USER_CHALLENGE(Outcome.NO_STAGE),
    MEDIA_TIMEOUT(Outcome.NO_STAGE),
    /** The call was picked up at another phone (call pickup): no call of its own, never a missed call. */
    PICKED_OFF(Outcome.ANSWERED_ELSEWHERE),
    USER_NOT_REGISTERED(Outcome.UNAVAILABLE),
    PROGRESS_TIMEOUT(Outcome.RANG),
    INVALID_GATEWAY(Outcome.UNAVAILABLE),
    GATEWAY_DOWN(Outcome.UNAVAILABLE),
    INVALID_URL(Outcome.NO_ROUTE),
    INVALID_PROFILE(Outcome.NO_ROUTE),
    NO_PICKUP(Outcome.RANG),
    SRTP_READ_ERROR(Outcome.NO_STAGE),
    BUSY_EVERYWHERE(Outcome.UNAVAILABLE),
    DECLINE(Outcome.UNAVAILABLE),
    DOES_NOT_EXIST_ANYWHERE(Outcome.NO_ROUTE),
    NOT_ACCEPTABLE(Outcome.NO_STAGE),
    UNWANTED(Outcome.FORBIDDEN),
    NO_IDENTITY(Outcome.NO_STAGE),
    BAD_IDENTITY_INFO(Outcome.NO_STAGE),
    UNSUPPORTED_CERTIFICATE(Outcome.NO_STAGE),
    INVALID_IDENTITY(Outcome.NO_STAGE),
    STALE_DATE(Outcome.NO_STAGE),
    REJECT_ALL(Outcome.FORBIDDEN);

    /** What a cause says about an unanswered call. */
    private enum Outcome {
        RANG(Stage.RINGING, Managers.RANG),
        UNAVAILABLE(Stage.RINGING, Managers.UNAVAILABLE),
        NO_ROUTE(Stage.NO_ROUTE, null),
        FORBIDDEN(Stage.FORBIDDEN, null),
        NO_STAGE(null, null),
        ANSWERED_ELSEWHERE(null, null);

        private final @Nullable Stage stage;
        private final @Nullable Managers managers;

        Outcome(@Nullable Stage stage, @Nullable Managers managers) {
            this.stage = stage;
            this.managers = managers;
        }
    }

    private final Outcome outcome;

    HangupCause(Outcome outcome) {
        this.outcome = outcome;
    }

    /** Where an unanswered call that ended with this cause ended; {@code null} when the cause does not say. */
    public @Nullable Stage stage() {
        return outcome.stage;
    }

    /** For {@link Stage#RINGING}: whether the managers were rung or could not be. */
    public @Nullable Managers managers() {
        return outcome.managers;
    }

    /** Whether a leg that ended so was answered at another leg ({@link #LOSE_RACE}, {@link #PICKED_OFF}). */
    public boolean answeredElsewhere() {
        return outcome == Outcome.ANSWERED_ELSEWHERE;
    }

    /** Reads a cause name in any letter case; empty for a name FreeSWITCH does not write. */
    public static Optional<HangupCause> fromName(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (HangupCause cause : values()) {
            if (cause.name().equals(wanted)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
