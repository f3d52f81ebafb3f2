package io.github.missedcalls.kafka;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Stage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A call record as a PBX's webhook writes it to the calls topic: a JSON object with the call
 * log CSV's columns ({@code docs/call-log-csv.md}), every value as text. Unknown fields are
 * ignored, so a producer may send more.
 *
 * <pre>{@code
 * {"id": "c42", "direction": "in", "client": "+380 50 111-00-01", "line": "+380441230000",
 *  "started_at": "2026-11-02T09:15:03+02:00", "ended_at": "2026-11-02T09:15:41+02:00",
 *  "stage": "ringing", "managers": "rang"}
 * }</pre>
 */
record CallMessage(
        @Nullable String id,
        @Nullable String direction,
        @Nullable String client,
        @Nullable String line,
        @Nullable String employee,
        @Nullable String startedAt,
        @Nullable String answeredAt,
        @Nullable String endedAt,
        @Nullable String stage,
        @Nullable String managers,
        @Nullable String reason) {

    /** The message of a record, for producers and tests. */
    static CallMessage of(CallRecord call) {
        return new CallMessage(
                call.id(),
                call.direction().token(),
                call.client(),
                call.line(),
                call.employee(),
                call.startedAt().toString(),
                call.answeredAt() == null ? null : call.answeredAt().toString(),
                call.endedAt().toString(),
                call.stage() == null ? null : call.stage().token(),
                call.managers() == null ? null : call.managers().token(),
                call.statedReason() == null ? null : call.statedReason().name());
    }

    /**
     * The record this message describes, checked as the call log's rows are (R2).
     *
     * @throws IllegalArgumentException with the reason to reject it
     */
    CallRecord toRecord() {
        String recordId = present(id);
        if (recordId == null) {
            throw new IllegalArgumentException("no id");
        }
        return CallRecord.builder(
                        recordId,
                        word("direction", direction, Direction::fromToken),
                        instant("started_at", startedAt),
                        instant("ended_at", endedAt))
                .client(present(client))
                .line(present(line))
                .employee(present(employee))
                .answeredAt(present(answeredAt) == null ? null : instant("answered_at", answeredAt))
                .stage(present(stage) == null ? null : word("stage", stage, Stage::fromToken))
                .managers(present(managers) == null ? null : word("managers", managers, Managers::fromToken))
                .statedReason(present(reason) == null ? null : word("reason", reason, CallMessage::missedReason))
                .build();
    }

    /** The id, where the message has one, for a rejection. */
    @Nullable
    String idIfAny() {
        return present(id);
    }

    private static Optional<MissedReason> missedReason(String text) {
        try {
            return Optional.of(MissedReason.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static @Nullable String present(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Instant instant(String field, @Nullable String value) {
        String text = present(value);
        if (text == null) {
            throw new IllegalArgumentException("no " + field);
        }
        try {
            return Json.instant(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a date-time with an offset: " + text, e);
        }
    }

    static <E> E word(String field, @Nullable String value, Function<String, Optional<E>> parse) {
        String text = present(value);
        if (text == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return parse.apply(text).orElseThrow(() -> new IllegalArgumentException("unknown " + field + ": " + text));
    }
}
