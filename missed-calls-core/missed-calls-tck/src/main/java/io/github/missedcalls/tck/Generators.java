package io.github.missedcalls.tck;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of call records and handles, for property tests of the library and of
 * adapters. Every generator is built from QuickTheories' own combinators, so a failing example
 * shrinks: to fewer calls, to the first choice of each value (an inbound call, the first client,
 * no stage, the grid's start).
 *
 * <p>The values are chosen so that the rules' edge cases happen often rather than never:
 *
 * <ol>
 *   <li>instants sit on a coarse grid, so calls tie at one instant and fall exactly on a window's
 *       ends;
 *   <li>a few people call, each under several spellings of one number, which normalize to one
 *       client with {@link #COUNTRY_CODE} and trunk prefix {@code 0} (R3); some numbers are
 *       withheld (R4) and some cannot be normalized (R2);
 *   <li>durations sit around the default thresholds (10 s short abandon, 30 s for a project that
 *       sets a minimum conversation);
 *   <li>call logs repeat ids, both as equal copies (another spelling of the same number) and as
 *       conflicting records (R2).
 * </ol>
 */
public final class Generators {

    /** Monday 2 March 2026, 00:00 UTC: where the default grid starts. */
    public static final Instant GRID_START = Instant.parse("2026-03-02T00:00:00Z");
    /** The default grid's step: ties are frequent, yet calls are far enough apart to form several groups. */
    public static final Duration GRID_STEP = Duration.ofMinutes(30);
    /** The default grid's span. */
    public static final Duration GRID_SPAN = Duration.ofDays(5);
    /** The country calling code under which every spelling of a person is one client. */
    public static final String COUNTRY_CODE = "380";

    /** Each person's spellings; the first is the normalized number. */
    private static final List<List<String>> PEOPLE = List.of(
            List.of(
                    "+380501110001",
                    "+380 (50) 111-00-01",
                    "00380501110001",
                    "0501110001",
                    "380501110001",
                    "+380 (0)50 111 00 01"),
            List.of("+380671234567", "067 123 45 67", "+380.67.123.45.67", "00 380 67 123 4567", "(067) 123-45-67"),
            List.of("+380442223344", "044/222-33-44", "+380 (0)44 222 33 44", "380442223344"),
            List.of("+15550100", "+1 555 0100", "001-555-0100"));

    private static final int SHRINK_CYCLES = 5_000;
    private static final Map<String, List<String>> SPELLINGS_OF = new HashMap<>();
    private static final List<@Nullable String> WITHHELD =
            Arrays.asList(null, "", "anonymous", "Private", "WITHHELD", "Unknown", "restricted", "unavailable");
    private static final List<String> NOT_NUMBERS = List.of("12", "n/a", "+38050111000112345", "050-CALL-ME");
    private static final List<@Nullable String> LINES = Arrays.asList(null, "+380441112233", "+380442223300");
    private static final List<@Nullable String> EMPLOYEES = Arrays.asList(null, "anna", "bohdan", "olena");
    private static final List<String> ACTORS = List.of("anna", "bohdan");
    // Seconds around the default short-abandon threshold (10 s) and a minimum conversation of 30 s.
    private static final List<Integer> RING_SECONDS = List.of(25, 0, 4, 9, 10, 11, 90);
    private static final List<Integer> TALK_SECONDS = List.of(120, 0, 5, 29, 30, 31);

    static {
        for (List<String> spellings : PEOPLE) {
            for (String spelling : spellings) {
                SPELLINGS_OF.put(spelling, spellings);
            }
        }
    }

    private Generators() {}

    /**
     * Examples per property: the system property {@code QT_EXAMPLES} (the build sets 1,000), else
     * 1,000.
     */
    public static int examples() {
        return Integer.getInteger("QT_EXAMPLES", 1_000);
    }

    /**
     * A theory with {@link #examples()} examples and enough shrink cycles for call logs:
     * QuickTheories shrinks one random draw per cycle, and a log of 40 calls is hundreds of draws,
     * so its default of 100 cycles seldom reaches the length of the list.
     */
    public static QuickTheory theory() {
        return QuickTheory.qt().withExamples(examples()).withShrinkCycles(SHRINK_CYCLES);
    }

    /** The normalized numbers of the people who call, as {@link #COUNTRY_CODE} normalizes them. */
    public static List<String> people() {
        List<String> numbers = new ArrayList<>();
        for (List<String> spellings : PEOPLE) {
            numbers.add(spellings.get(0));
        }
        return numbers;
    }

    /** Every spelling of the numbers of {@link #people()}. */
    public static List<String> spellingsOfPeople() {
        List<String> all = new ArrayList<>();
        PEOPLE.forEach(all::addAll);
        return all;
    }

    /** Instants {@code start + k * step} for {@code k} from 0 while before {@code start + span}. */
    public static Gen<Instant> instants(Instant start, Duration span, Duration step) {
        long slots = span.dividedBy(step);
        if (slots < 1) {
            throw new IllegalArgumentException("the span " + span + " holds no step of " + step);
        }
        return Generate.longRange(0, slots - 1).map(k -> start.plus(step.multipliedBy(k)));
    }

    /** Instants on the default grid: every 30 minutes for 5 days from {@link #GRID_START}. */
    public static Gen<Instant> gridInstants() {
        return instants(GRID_START, GRID_SPAN, GRID_STEP);
    }

    /** One of the spellings of a person's number. */
    public static Gen<String> spellingOf(int person) {
        return Generate.pick(PEOPLE.get(person));
    }

    /**
     * Client numbers as sources write them: mostly one of the people under any spelling, sometimes
     * withheld ({@code null}, empty, or a word such as {@code Private}), rarely not a number.
     */
    public static Gen<@Nullable String> clientNumbers() {
        Gen<@Nullable String> person = Generate.pick(spellingsOfPeople()).map(s -> s);
        return Generate.frequency(List.of(
                Pair.of(20, person),
                Pair.of(3, Generate.pick(WITHHELD)),
                Pair.of(1, Generate.pick(NOT_NUMBERS).map(s -> s))));
    }

    /** Call records starting at {@code starts}, all of id {@code c}: {@link #callLogs} gives them ids. */
    public static Gen<CallRecord> calls(Gen<Instant> starts) {
        Gen<Direction> directions = Generate.frequency(List.of(
                Pair.of(6, Generate.constant(Direction.IN)),
                Pair.of(4, Generate.constant(Direction.OUT)),
                Pair.of(2, Generate.constant(Direction.CALLBACK)),
                Pair.of(1, Generate.constant(Direction.INTERNAL))));
        Gen<Timing> timings = Generate.pick(RING_SECONDS)
                .zip(
                        Generate.booleans(),
                        Generate.pick(TALK_SECONDS),
                        (ring, answered, talk) -> new Timing(ring, answered ? talk : null));
        Gen<@Nullable MissedReason> statedReasons = Generate.frequency(List.of(
                Pair.of(12, Generate.constant((MissedReason) null)),
                Pair.of(1, Generate.enumValues(MissedReason.class).map(r -> r))));
        Gen<Facts> facts = Generate.pick(
                        Arrays.asList(null, Stage.RINGING, Stage.GREETING, Stage.IVR, Stage.NO_ROUTE, Stage.FORBIDDEN))
                .zip(
                        Generate.pick(Arrays.asList(null, Managers.RANG, Managers.UNAVAILABLE)),
                        statedReasons,
                        Generate.pick(LINES),
                        Generate.pick(EMPLOYEES),
                        Facts::new);
        return directions.zip(starts, clientNumbers(), timings, facts, Generators::call);
    }

    private record Timing(int ringSeconds, @Nullable Integer talkSeconds) {}

    private record Facts(
            @Nullable Stage stage,
            @Nullable Managers managers,
            @Nullable MissedReason statedReason,
            @Nullable String line,
            @Nullable String employee) {}

    private static CallRecord call(
            Direction direction, Instant start, @Nullable String client, Timing timing, Facts facts) {
        Instant ringEnd = start.plusSeconds(timing.ringSeconds());
        Integer talk = timing.talkSeconds();
        return CallRecord.builder("c", direction, start, talk == null ? ringEnd : ringEnd.plusSeconds(talk))
                .client(client)
                .answeredAt(talk == null ? null : ringEnd)
                .line(facts.line())
                .employee(facts.employee())
                .stage(facts.stage())
                .managers(facts.managers())
                .statedReason(facts.statedReason())
                .build();
    }

    /** How a record of a call log gets its id. */
    private enum IdChoice {
        FRESH,
        /** The id of an earlier record, with this record's own values: a conflicting duplicate. */
        REUSED,
        /** An equal copy of an earlier record, its client number spelled another way where it can be. */
        COPY
    }

    /**
     * Call logs of up to {@code maxCalls} records starting at {@code starts}, in no particular order.
     * Most records have an id of their own ({@code c0}, {@code c1}, ...); some repeat an earlier id
     * with other values, and some are equal copies of an earlier record (R2).
     */
    public static Gen<List<CallRecord>> callLogs(Gen<Instant> starts, int maxCalls) {
        Gen<IdChoice> choices = Generate.frequency(List.of(
                Pair.of(16, Generate.constant(IdChoice.FRESH)),
                Pair.of(1, Generate.constant(IdChoice.REUSED)),
                Pair.of(2, Generate.constant(IdChoice.COPY))));
        Gen<Pair<CallRecord, Pair<IdChoice, Integer>>> entries =
                calls(starts).zip(choices.zip(integers().between(0, 1_000), Pair::of), Pair::of);
        return lists().of(entries).ofSizeBetween(0, maxCalls).map(Generators::assignIds);
    }

    /** Call logs with unique ids: what a source that promises {@link io.github.missedcalls.spi.CallSource#idsAreUnique()} delivers. */
    public static Gen<List<CallRecord>> callLogsWithUniqueIds(Gen<Instant> starts, int maxCalls) {
        return lists().of(calls(starts)).ofSizeBetween(0, maxCalls).map(calls -> {
            List<CallRecord> withIds = new ArrayList<>(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                withIds.add(withId(calls.get(i), "c" + i));
            }
            return withIds;
        });
    }

    /** A month of calls of a few clients: up to 400 records, every 15 minutes for 31 days from {@link #GRID_START}. */
    public static Gen<List<CallRecord>> monthOfCalls() {
        return callLogs(instants(GRID_START, Duration.ofDays(31), Duration.ofMinutes(15)), 400);
    }

    private static List<CallRecord> assignIds(List<Pair<CallRecord, Pair<IdChoice, Integer>>> entries) {
        List<CallRecord> log = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            CallRecord call = entries.get(i)._1;
            IdChoice choice = entries.get(i)._2._1;
            int pointer = entries.get(i)._2._2;
            if (i == 0 || choice == IdChoice.FRESH) {
                log.add(withId(call, "c" + i));
            } else if (choice == IdChoice.REUSED) {
                log.add(withId(call, log.get(pointer % i).id()));
            } else {
                CallRecord original = log.get(pointer % i);
                log.add(original.withClient(respell(original.client(), pointer)));
            }
        }
        return log;
    }

    /** Another spelling of the same number, where the number is one of the people's. */
    private static @Nullable String respell(@Nullable String client, int choice) {
        List<String> spellings = client == null ? null : SPELLINGS_OF.get(client);
        return spellings == null ? client : spellings.get(choice % spellings.size());
    }

    /** The same record under another id. */
    public static CallRecord withId(CallRecord call, String id) {
        return new CallRecord(
                id,
                call.direction(),
                call.client(),
                call.line(),
                call.employee(),
                call.startedAt(),
                call.answeredAt(),
                call.endedAt(),
                call.stage(),
                call.managers(),
                call.statedReason());
    }

    /**
     * Handles at {@code instants}: mostly for one of the people under any spelling, rarely for a
     * withheld number or one that cannot be normalized (both rejected, R11). {@code coversUntil} is
     * the handle's instant, or some steps before it, or a step after it (which counts as the
     * handle's instant, R11).
     */
    public static Gen<Handle> handles(Gen<Instant> instants, Duration step) {
        Gen<String> clients = Generate.frequency(List.of(
                Pair.of(14, Generate.pick(spellingsOfPeople())),
                Pair.of(1, Generate.constant("anonymous")),
                Pair.of(1, Generate.pick(NOT_NUMBERS))));
        Gen<Integer> stepsBack = Generate.pick(List.of(0, 1, 2, 6, 48, -1));
        Gen<Pair<HandleReason, @Nullable String>> reasons = Generate.enumValues(HandleReason.class)
                .zip(
                        Generate.pick(Arrays.asList(null, "checked in CRM")),
                        (reason, note) ->
                                Pair.of(reason, reason == HandleReason.OTHER ? "called from another phone" : note));
        return clients.zip(
                instants,
                stepsBack,
                reasons,
                Generate.pick(ACTORS),
                (client, at, back, reason, actor) ->
                        new Handle(client, at, at.minus(step.multipliedBy(back)), reason._1, reason._2, actor));
    }

    /**
     * Assignments (R16) at {@code instants}: mostly of one of the people under any spelling to one
     * of the employees, rarely of a withheld number or one that cannot be normalized (both rejected).
     */
    public static Gen<Assignment> assignments(Gen<Instant> instants) {
        Gen<String> clients = Generate.frequency(List.of(
                Pair.of(14, Generate.pick(spellingsOfPeople())),
                Pair.of(1, Generate.constant("anonymous")),
                Pair.of(1, Generate.pick(NOT_NUMBERS))));
        return clients.zip(
                instants,
                Generate.pick(List.of("anna", "bohdan", "olena", "taras")),
                Generate.pick(ACTORS),
                (client, at, owner, actor) -> new Assignment(client, at, owner, actor, null));
    }

    /** Lists of up to {@code maxAssignments} assignments on the default grid. */
    public static Gen<List<Assignment>> assignmentLists(int maxAssignments) {
        return lists().of(assignments(gridInstants())).ofSizeBetween(0, maxAssignments);
    }

    /** Lists of up to {@code maxHandles} handles on the default grid. */
    public static Gen<List<Handle>> handleLists(int maxHandles) {
        return lists().of(handles(gridInstants(), GRID_STEP)).ofSizeBetween(0, maxHandles);
    }
}
