package io.github.missedcalls;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One call, not one leg (R1). A PBX that writes a row per leg is collapsed to one record per
 * call by its adapter.
 *
 * <p>The constructor checks what a record must have on its own (R2): an id that is not blank,
 * a direction, a start and an end, an end not before the start, an answer within
 * [start, end]. It throws {@link IllegalArgumentException} whose message is the reason an
 * adapter reports when it turns the failure into a {@link Rejection}. The client number is
 * kept as the source wrote it; it is normalized per project when a report is made (R3).
 *
 * @param id stable within the project
 * @param direction who started the call
 * @param client the external party as the source wrote it; {@code null} when withheld
 * @param line the company number involved
 * @param employee who answered (client-initiated) or who dialled ({@link Direction#OUT})
 * @param startedAt when the call started
 * @param answeredAt when the client's side was connected to a person; {@code null} when not answered
 * @param endedAt when the call ended
 * @param stage where an unanswered client-initiated call ended, when the source knows
 * @param managers for {@link Stage#RINGING}: whether managers could be rung; {@code null} means rung
 * @param statedReason a reason the source states; it wins over the classifier (R9)
 */
public record CallRecord(
        String id,
        Direction direction,
        @Nullable String client,
        @Nullable String line,
        @Nullable String employee,
        Instant startedAt,
        @Nullable Instant answeredAt,
        Instant endedAt,
        @Nullable Stage stage,
        @Nullable Managers managers,
        @Nullable MissedReason statedReason) {

    /**
     * @throws NullPointerException if a required value is {@code null}
     * @throws IllegalArgumentException if the id is blank, the call ends before it starts, or
     *     it was answered outside [start, end]
     */
    public CallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (id.isBlank()) {
            throw new IllegalArgumentException("no id");
        }
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("ends before it starts");
        }
        if (answeredAt != null && (answeredAt.isBefore(startedAt) || answeredAt.isAfter(endedAt))) {
            throw new IllegalArgumentException("answered outside [start, end]");
        }
    }

    /** Starts a record with the values every call has; the rest are set on the builder. */
    public static Builder builder(String id, Direction direction, Instant startedAt, Instant endedAt) {
        return new Builder(id, direction, startedAt, endedAt);
    }

    /** Whether the client's side was connected to a person. */
    public boolean isAnswered() {
        return answeredAt != null;
    }

    /** End minus answer; {@link Duration#ZERO} for an unanswered call. */
    public Duration conversation() {
        return answeredAt == null ? Duration.ZERO : Duration.between(answeredAt, endedAt);
    }

    /** End minus start. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    /** The same call with another client number; used to compare records after normalization. */
    public CallRecord withClient(@Nullable String newClient) {
        return new CallRecord(
                id,
                direction,
                newClient,
                line,
                employee,
                startedAt,
                answeredAt,
                endedAt,
                stage,
                managers,
                statedReason);
    }

    /** Collects the optional values of a {@link CallRecord}. */
    public static final class Builder {
        private final String id;
        private final Direction direction;
        private final Instant startedAt;
        private final Instant endedAt;
        private @Nullable String client;
        private @Nullable String line;
        private @Nullable String employee;
        private @Nullable Instant answeredAt;
        private @Nullable Stage stage;
        private @Nullable Managers managers;
        private @Nullable MissedReason statedReason;

        private Builder(String id, Direction direction, Instant startedAt, Instant endedAt) {
            this.id = id;
            this.direction = direction;
            this.startedAt = startedAt;
            this.endedAt = endedAt;
        }

        public Builder client(@Nullable String value) {
            this.client = value;
            return this;
        }

        public Builder line(@Nullable String value) {
            this.line = value;
            return this;
        }

        public Builder employee(@Nullable String value) {
            this.employee = value;
            return this;
        }

        public Builder answeredAt(@Nullable Instant value) {
            this.answeredAt = value;
            return this;
        }

        public Builder stage(@Nullable Stage value) {
            this.stage = value;
            return this;
        }

        public Builder managers(@Nullable Managers value) {
            this.managers = value;
            return this;
        }

        public Builder statedReason(@Nullable MissedReason value) {
            this.statedReason = value;
            return this;
        }

        /**
         * @throws NullPointerException if a required value is {@code null}
         * @throws IllegalArgumentException as the {@link CallRecord} constructor does
         */
        public CallRecord build() {
            return new CallRecord(
                    id,
                    direction,
                    client,
                    line,
                    employee,
                    startedAt,
                    answeredAt,
                    endedAt,
                    stage,
                    managers,
                    statedReason);
        }
    }
}
