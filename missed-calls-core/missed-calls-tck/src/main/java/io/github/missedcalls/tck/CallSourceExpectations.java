package io.github.missedcalls.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Stage;
import io.github.missedcalls.spi.CallSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the report expects of every {@link CallSource} (R1, R2), whether it reads a storage the
 * kit can write to ({@link CallSourceContract}) or a file the kit writes once
 * ({@link ReadOnlyCallSourceContract}).
 */
public abstract sealed class CallSourceExpectations extends CompatibilityKit
        permits CallSourceContract, ReadOnlyCallSourceContract {

    static final Instant BASE = Instant.parse("2026-03-02T08:00:00Z");
    // Wide enough for every test here, narrow enough for any SQL timestamp type worth using.
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    CallSourceExpectations() {}

    /** A source that delivers these calls, in any order, when asked for {@code project}. */
    abstract CallSource sourceOver(String project, List<CallRecord> calls);

    /** The call the source should deliver for one the kit wrote: the call itself, unless the format keeps less. */
    abstract CallRecord asRead(CallRecord written);

    /** A project name no other test (and no earlier run) has used. */
    abstract String project();

    /** The directions the source's format can carry; the kit writes no call of another. */
    Set<Direction> directions() {
        return Set.of(Direction.values());
    }

    /**
     * The finest unit the source keeps instants in: an instant that is a whole number of this unit
     * must come back exactly as stored. Default microseconds, what most SQL timestamp types keep.
     */
    protected TemporalUnit instantPrecision() {
        return ChronoUnit.MICROS;
    }

    /**
     * Whether the source delivers only the calls that started in the range asked for. A source
     * may deliver more (a file delivers all its rows, R2); the report then ignores the rest.
     */
    protected boolean filtersByRange() {
        return true;
    }

    /**
     * Checks that nothing the source opened is still open (connections borrowed from a pool,
     * result sets, files). Called after streams were closed, some before they were read to the
     * end. The default checks nothing.
     */
    protected void assertResourcesReleased() {}

    static CallRecord missed(String id, Duration at) {
        Instant start = BASE.plus(at);
        return CallRecord.builder(id, Direction.IN, start, start.plusSeconds(25))
                .client("+380501110001")
                .stage(Stage.RINGING)
                .build();
    }

    final List<CallRecord> asRead(List<CallRecord> written) {
        return written.stream().map(this::asRead).toList();
    }

    /** Reads the calls of a range to the end, failing on any rejection: valid calls are never rejected. */
    static List<CallRecord> read(CallSource source, String project, Instant from, Instant until) {
        List<Rejection> rejections = new ArrayList<>();
        List<CallRecord> calls;
        try (Stream<CallRecord> stream = source.calls(project, from, until, rejections::add)) {
            calls = stream.toList();
        }
        assertThat(rejections).as("rejections of valid calls").isEmpty();
        return calls;
    }

    static List<CallRecord> readAll(CallSource source, String project) {
        return read(source, project, EARLIEST, LATEST);
    }

    @Nested
    @DisplayName("the range asked for")
    class Range {

        @Test
        @DisplayName("calls that started at either end of the range are delivered")
        void bothEndsIncluded() {
            String project = project();
            CallRecord atStart = missed("start", Duration.ZERO);
            CallRecord inside = missed("inside", Duration.ofMinutes(30));
            CallRecord atEnd = missed("end", Duration.ofHours(1));
            CallSource source = sourceOver(
                    project,
                    List.of(
                            missed("before", Duration.ofSeconds(-1)),
                            atStart,
                            inside,
                            atEnd,
                            missed("after", Duration.ofHours(1).plusSeconds(1))));

            List<CallRecord> delivered = read(source, project, BASE, BASE.plus(Duration.ofHours(1)));

            assertThat(delivered).containsAll(asRead(List.of(atStart, inside, atEnd)));
        }

        @Test
        @DisplayName("calls that started outside the range are not delivered, when the source filters")
        void outsideExcluded() {
            assumeTrue(filtersByRange(), "the source declares it delivers calls outside the range");
            String project = project();
            CallRecord atStart = missed("start", Duration.ZERO);
            CallRecord atEnd = missed("end", Duration.ofHours(1));
            // A call that started before the range but ended inside it is still outside: the range is about starts.
            CallRecord longBefore = CallRecord.builder(
                            "long-before", Direction.IN, BASE.minusSeconds(60), BASE.plusSeconds(60))
                    .client("+380501110001")
                    .build();
            CallSource source = sourceOver(
                    project,
                    List.of(
                            missed("before", Duration.ofSeconds(-1)),
                            atStart,
                            longBefore,
                            atEnd,
                            missed("after", Duration.ofHours(1).plusSeconds(1))));

            List<CallRecord> delivered = read(source, project, BASE, BASE.plus(Duration.ofHours(1)));

            assertThat(delivered).containsExactlyInAnyOrderElementsOf(asRead(List.of(atStart, atEnd)));
        }

        @Test
        @DisplayName("the latest start before an instant, where the source tells, is that of the latest earlier call")
        void latestStartBeforeIsHonest() {
            String project = project();
            CallSource source = sourceOver(
                    project,
                    List.of(
                            missed("earlier", Duration.ofMinutes(-30)),
                            missed("latest-before", Duration.ofSeconds(-1)),
                            missed("at", Duration.ZERO),
                            missed("after", Duration.ofMinutes(5))));

            Optional<Instant> latest = source.latestStartBefore(project, BASE);
            assumeTrue(latest.isPresent(), "the source does not tell the latest start before an instant");

            assertThat(latest).contains(BASE.minusSeconds(1));
            assertThat(source.latestStartBefore(project, BASE.minus(Duration.ofMinutes(30))))
                    .isEmpty();
            assertThat(source.latestStartBefore(project(), BASE.plus(Duration.ofHours(1))))
                    .as("a project without calls")
                    .isEmpty();
        }

        @Test
        @DisplayName("a source that counts its rows counts those it delivers in a range, its end excluded")
        void countIsHonest() {
            String project = project();
            CallSource source = sourceOver(
                    project,
                    List.of(
                            missed("before", Duration.ofSeconds(-1)),
                            missed("start", Duration.ZERO),
                            missed("tie", Duration.ZERO),
                            missed("inside", Duration.ofMinutes(30)),
                            missed("end", Duration.ofHours(1))));

            OptionalLong count = source.countCalls(project, BASE, BASE.plus(Duration.ofHours(1)));
            assumeTrue(count.isPresent(), "the source does not count its rows");

            assertThat(count).hasValue(3);
            assertThat(source.countCalls(project, BASE.minusSeconds(1), BASE.plus(Duration.ofDays(1))))
                    .hasValue(5);
            assertThat(source.countCalls(project, BASE.plusSeconds(1), BASE.plusSeconds(2)))
                    .hasValue(0);
            assertThat(source.countCalls(project(), BASE.minusSeconds(1), BASE.plus(Duration.ofDays(1))))
                    .as("a project without calls")
                    .hasValue(0);
        }

        @Test
        @DisplayName("a range of one instant delivers the calls that started at that instant")
        void singleInstantRange() {
            String project = project();
            CallRecord first = missed("a", Duration.ofMinutes(5));
            CallRecord tie = missed("b", Duration.ofMinutes(5));
            CallSource source = sourceOver(
                    project,
                    List.of(missed("c", Duration.ofMinutes(4)), first, tie, missed("d", Duration.ofMinutes(6))));

            List<CallRecord> delivered =
                    read(source, project, BASE.plus(Duration.ofMinutes(5)), BASE.plus(Duration.ofMinutes(5)));

            if (filtersByRange()) {
                assertThat(delivered).containsExactlyInAnyOrderElementsOf(asRead(List.of(first, tie)));
            } else {
                assertThat(delivered).containsAll(asRead(List.of(first, tie)));
            }
        }
    }

    @Nested
    @DisplayName("values round-trip")
    class RoundTrip {

        @Test
        @DisplayName("R1: every field of a call comes back as stored, in every direction, stage and managers value")
        void everyFieldRoundTrips() {
            String project = project();
            List<CallRecord> calls = new ArrayList<>();
            List<MissedReason> reasons = List.of(MissedReason.values());
            int n = 0;
            for (Direction direction : Direction.values()) {
                if (!directions().contains(direction)) {
                    continue;
                }
                for (Stage stage : Stage.values()) {
                    for (Managers managers : Managers.values()) {
                        Instant start = BASE.plus(Duration.ofMinutes(n));
                        calls.add(CallRecord.builder("full-" + n, direction, start, start.plusSeconds(95))
                                .client("+380 (50) 111-00-0" + n % 10)
                                .line("+380441234567")
                                .employee("Олена " + n)
                                .answeredAt(n % 2 == 0 ? start.plusSeconds(20) : null)
                                .stage(stage)
                                .managers(managers)
                                .statedReason(reasons.get(n % reasons.size()))
                                .build());
                        n++;
                    }
                }
            }
            CallSource source = sourceOver(project, calls);

            assertThat(readAll(source, project)).containsExactlyInAnyOrderElementsOf(asRead(calls));
        }

        @Test
        @DisplayName("R1: a call without any optional value comes back without them")
        void absentOptionalValuesRoundTrip() {
            String project = project();
            List<CallRecord> calls = new ArrayList<>();
            calls.add(CallRecord.builder("bare", Direction.IN, BASE, BASE.plusSeconds(3))
                    .build());
            if (directions().contains(Direction.OUT)) {
                calls.add(CallRecord.builder("zero", Direction.OUT, BASE, BASE)
                        .client("101")
                        .build());
            }
            CallSource source = sourceOver(project, calls);

            assertThat(readAll(source, project)).containsExactlyInAnyOrderElementsOf(asRead(calls));
        }

        @Test
        @DisplayName("R3: a client number comes back as the source wrote it, withheld words and separators included")
        void rawClientNumberRoundTrips() {
            String project = project();
            List<CallRecord> calls = new ArrayList<>();
            List<String> spellings =
                    List.of("+380 (0)44 123-45-67", "00380501110001", "Anonymous", "", "8 (912) 345-67-89");
            for (int i = 0; i < spellings.size(); i++) {
                Instant start = BASE.plusSeconds(i);
                calls.add(CallRecord.builder("raw-" + i, Direction.IN, start, start.plusSeconds(30))
                        .client(spellings.get(i))
                        .build());
            }
            CallSource source = sourceOver(project, calls);

            assertThat(readAll(source, project)).containsExactlyInAnyOrderElementsOf(asRead(calls));
        }

        @Test
        @DisplayName("R1: instants come back exactly, to the precision the source declares")
        void instantsRoundTripToDeclaredPrecision() {
            String project = project();
            Instant start = Instant.parse("2026-03-02T08:00:00.123456789Z").truncatedTo(instantPrecision());
            Instant answer = Instant.parse("2026-03-02T08:00:07.000000001Z").truncatedTo(instantPrecision());
            Instant end = Instant.parse("2026-03-02T08:01:39.999999999Z").truncatedTo(instantPrecision());
            Direction direction = directions().contains(Direction.CALLBACK) ? Direction.CALLBACK : Direction.IN;
            CallRecord call = CallRecord.builder("precise", direction, start, end)
                    .client("+15550100")
                    .answeredAt(answer)
                    .build();
            CallSource source = sourceOver(project, List.of(call));

            assertThat(readAll(source, project)).singleElement().satisfies(read -> {
                assertThat(read.startedAt()).isEqualTo(start);
                assertThat(read.answeredAt()).isEqualTo(answer);
                assertThat(read.endedAt()).isEqualTo(end);
            });
            assertThat(read(source, project, start, start)).containsExactly(asRead(call));
        }
    }

    @Nested
    @DisplayName("resources")
    class Resources {

        @Test
        @DisplayName("a stream closed after a few calls releases what it opened, and the source still works")
        void closedEarlyReleasesResources() {
            String project = project();
            List<CallRecord> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(missed("c" + i, Duration.ofSeconds(i)));
            }
            CallSource source = sourceOver(project, calls);
            List<CallRecord> expected = asRead(calls);

            for (int round = 0; round < 3; round++) {
                try (Stream<CallRecord> stream = source.calls(project, BASE, BASE.plus(Duration.ofDays(1)), r -> {})) {
                    Iterator<CallRecord> it = stream.iterator();
                    assertThat(expected).contains(it.next(), it.next());
                }
                assertResourcesReleased();
            }
            assertThat(readAll(source, project)).hasSameSizeAs(calls);
            assertResourcesReleased();
        }

        @Test
        @DisplayName("a stream closed before it is read releases what it opened")
        void closedUnreadReleasesResources() {
            String project = project();
            CallSource source = sourceOver(project, List.of(missed("only", Duration.ZERO)));

            for (int round = 0; round < 3; round++) {
                source.calls(project, BASE, BASE.plus(Duration.ofDays(1)), r -> {})
                        .close();
                assertResourcesReleased();
            }
        }

        @Test
        @DisplayName("a stream read to the end and closed releases what it opened")
        void readToEndReleasesResources() {
            String project = project();
            CallSource source =
                    sourceOver(project, List.of(missed("one", Duration.ZERO), missed("two", Duration.ofSeconds(1))));

            assertThat(readAll(source, project)).hasSize(2);
            assertResourcesReleased();
        }
    }

    @Nested
    @DisplayName("the start-order claim")
    class StartOrderClaim {

        @Test
        @DisplayName("a source that claims start order delivers calls ordered by start, ties included")
        void startOrderClaimIsHonest() {
            String project = project();
            List<CallRecord> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                // Every third start repeats the one before, so that ties are delivered too.
                calls.add(missed("o" + i, Duration.ofSeconds(i - i / 3)));
            }
            List<CallRecord> shuffled = new ArrayList<>(calls);
            Collections.shuffle(shuffled, new Random(7));
            CallSource source = sourceOver(project, shuffled);
            assumeTrue(source.deliversInStartOrder(), "the source does not claim start order");

            List<CallRecord> delivered = readAll(source, project);

            assertThat(delivered).containsExactlyInAnyOrderElementsOf(asRead(calls));
            assertThat(delivered).extracting(CallRecord::startedAt).isSorted();
            assertThat(read(source, project, BASE.plusSeconds(10), BASE.plusSeconds(30)))
                    .extracting(CallRecord::startedAt)
                    .isSorted();
        }
    }
}
