package io.github.missedcalls.internal;

import io.github.missedcalls.BusinessHours;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.OpeningInterval;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chooses why a call was missed (R9).
 *
 * <ol>
 *   <li>A reason stated by the source wins.
 *   <li>Otherwise the first rule in {@link ProjectSettings#reasonOrder()} that applies gives the
 *       reason; a rule left out of the order never applies.
 *   <li>A call that no rule fits is {@link MissedReason#UNKNOWN}, never an error.
 * </ol>
 *
 * <p>Thread-safe. It remembers the local day of the call it classified last, which is faster
 * for calls in start order and changes no answer.
 */
public final class ReasonClassifier {

    private static final int SECONDS_PER_DAY = 86_400;

    private final ZoneRules zoneRules;
    private final BusinessHours hours;
    private final Duration shortAbandon;
    private final Duration minConversation;
    private final MissedReason[] order;
    /**
     * The local day of the call classified last. A report classifies calls in start order, so most
     * calls fall in it and need no time-zone lookup. Read and written without a lock: a
     * {@link LocalDay}'s fields are final, so a thread sees either null or a complete one (with the
     * arrays it references), and {@link BusinessHours} never changes.
     */
    private @Nullable LocalDay lastDay;

    /** The classifier a project's settings describe. */
    public ReasonClassifier(ProjectSettings settings) {
        this.zoneRules = settings.zone().getRules();
        this.hours = settings.businessHours();
        this.shortAbandon = settings.shortAbandon();
        this.minConversation = settings.minConversation();
        this.order = settings.reasonOrder().toArray(MissedReason[]::new);
    }

    /**
     * Checks a rule order: no {@link MissedReason#UNKNOWN}, no reason twice.
     *
     * @throws IllegalArgumentException if the order breaks either
     */
    public static List<MissedReason> checkOrder(List<MissedReason> order) {
        Set<MissedReason> seen = EnumSet.noneOf(MissedReason.class);
        for (MissedReason reason : order) {
            Objects.requireNonNull(reason, "reason");
            if (reason == MissedReason.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is what no rule gives; it cannot be a rule");
            }
            if (!seen.add(reason)) {
                throw new IllegalArgumentException("rule listed twice: " + reason);
            }
        }
        return List.copyOf(order);
    }

    /** The reason of a missed call; meaningful only for a client-initiated call that did not reach the client. */
    public MissedReason classify(CallRecord call) {
        MissedReason stated = call.statedReason();
        if (stated != null) {
            return stated;
        }
        for (MissedReason rule : order) {
            if (applies(rule, call)) {
                return rule;
            }
        }
        return MissedReason.UNKNOWN;
    }

    private boolean applies(MissedReason rule, CallRecord call) {
        Stage stage = call.stage();
        return switch (rule) {
            case SHORT_CONVERSATION -> {
                Instant answeredAt = call.answeredAt();
                yield answeredAt != null && isShorter(answeredAt, call.endedAt(), minConversation);
            }
            case OUTSIDE_BUSINESS_HOURS -> !hours.isAlwaysOpen() && !isOpen(call.startedAt());
            case FORBIDDEN_DESTINATION -> stage == Stage.FORBIDDEN;
            case FORWARDING_NOT_CONFIGURED -> stage == Stage.NO_ROUTE;
            case ABANDONED_EARLY -> isShorter(call.startedAt(), call.endedAt(), shortAbandon);
            case ABANDONED_DURING_GREETING -> stage == Stage.GREETING;
            case ABANDONED_IN_IVR -> stage == Stage.IVR;
            case ALL_MANAGERS_UNAVAILABLE -> stage == Stage.RINGING && call.managers() == Managers.UNAVAILABLE;
            case NOT_ANSWERED_BY_MANAGERS -> stage == Stage.RINGING && call.managers() != Managers.UNAVAILABLE;
            case UNKNOWN -> false;
        };
    }

    /** Whether {@code end - start}, never negative, is shorter than {@code limit}; as Duration.between, without allocating one. */
    private static boolean isShorter(Instant start, Instant end, Duration limit) {
        long seconds = end.getEpochSecond() - start.getEpochSecond();
        int nanos = end.getNano() - start.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000;
        }
        return seconds < limit.getSeconds() || (seconds == limit.getSeconds() && nanos < limit.getNano());
    }

    /** {@link BusinessHours#isOpen} at an instant, read in the project's zone (R10). */
    private boolean isOpen(Instant instant) {
        long second = instant.getEpochSecond();
        LocalDay day = lastDay;
        if (day == null || second < day.from || second >= day.until) {
            day = LocalDay.containing(second, zoneRules, hours);
            lastDay = day;
        }
        int secondOfDay = (int) (second - day.midnight);
        // Indexed loops: an iterator per missed call is garbage the escape analysis does not always remove.
        for (int i = 0; i < day.opening.length; i++) {
            if (day.opening[i].containsOnOpeningDay(secondOfDay)) {
                return true;
            }
        }
        for (int i = 0; i < day.openedDayBefore.length; i++) {
            if (day.openedDayBefore[i].containsOnNextDay(secondOfDay)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A span of epoch seconds [from, until) with one local date and one UTC offset, so that the
     * local second of the day is the epoch second minus {@code midnight}; with the intervals that
     * open on the date and on the day before.
     */
    private static final class LocalDay {
        final long from;
        final long until;
        final long midnight;
        final OpeningInterval[] opening;
        final OpeningInterval[] openedDayBefore;

        private LocalDay(
                long from, long until, long midnight, OpeningInterval[] opening, OpeningInterval[] openedDayBefore) {
            this.from = from;
            this.until = until;
            this.midnight = midnight;
            this.opening = opening;
            this.openedDayBefore = openedDayBefore;
        }

        static LocalDay containing(long second, ZoneRules rules, BusinessHours hours) {
            Instant instant = Instant.ofEpochSecond(second);
            ZoneOffset offset = rules.getOffset(instant);
            long localSecond = second + offset.getTotalSeconds();
            long epochDay = Math.floorDiv(localSecond, SECONDS_PER_DAY);
            long midnight = epochDay * SECONDS_PER_DAY - offset.getTotalSeconds();
            long from = midnight;
            long until = midnight + SECONDS_PER_DAY;
            // The offset holds from the transition at or before the instant to the next one; transitions fall on whole
            // seconds.
            ZoneOffsetTransition previous = rules.previousTransition(
                    second < Instant.MAX.getEpochSecond() ? Instant.ofEpochSecond(second + 1) : Instant.MAX);
            if (previous != null) {
                from = Math.max(from, previous.toEpochSecond());
            }
            ZoneOffsetTransition next = rules.nextTransition(instant);
            if (next != null) {
                until = Math.min(until, next.toEpochSecond());
            }
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            return new LocalDay(
                    from,
                    until,
                    midnight,
                    hours.intervalsOpeningOn(date).toArray(OpeningInterval[]::new),
                    hours.intervalsOpeningOn(date.minusDays(1)).toArray(OpeningInterval[]::new));
        }
    }
}
