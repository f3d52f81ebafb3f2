package io.github.missedcalls.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kits fail implementations that break the contract, and pass the claims an honest one makes. */
@DisplayName("The compatibility kits")
class KitSelfTest {

    /** A source that claims both capabilities, truthfully or not. */
    private interface ClaimsBoth extends CallSource {
        @Override
        default boolean deliversInStartOrder() {
            return true;
        }

        @Override
        default boolean idsAreUnique() {
            return true;
        }
    }

    /** Sorted by start, one record per id: claims both capabilities, truthfully. */
    private static final class SortedSource implements ClaimsBoth {
        final InMemoryCallSource calls = new InMemoryCallSource();

        @Override
        public Stream<CallRecord> calls(
                String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
            Map<String, CallRecord> byId = new LinkedHashMap<>();
            try (Stream<CallRecord> all = calls.calls(project, startedFrom, startedUntil, rejections)) {
                all.forEach(call -> byId.putIfAbsent(call.id(), call));
            }
            return byId.values().stream().sorted(Comparator.comparing(CallRecord::startedAt));
        }
    }

    @Nested
    @DisplayName("an honest source that claims start order and unique ids passes the whole kit")
    class HonestClaims extends CallSourceContract {
        private final SortedSource source = new SortedSource();

        @Override
        protected void store(String project, List<CallRecord> calls) {
            source.calls.add(project, calls);
        }

        @Override
        protected CallSource source() {
            return source;
        }

        @Override
        protected TemporalUnit instantPrecision() {
            return ChronoUnit.NANOS;
        }
    }

    /** A kit whose source reads calls stored in memory, in the order stored. */
    private abstract static class InMemoryKit extends CallSourceContract {
        final InMemoryCallSource calls = new InMemoryCallSource();

        @Override
        protected void store(String project, List<CallRecord> records) {
            calls.add(project, records);
        }
    }

    /** Claims start order and unique ids, and delivers neither. */
    private static final class LyingSourceKit extends InMemoryKit {
        @Override
        protected CallSource source() {
            ClaimsBoth liar = calls::calls;
            return liar;
        }
    }

    /** Counts a call at the instant asked about as before it. */
    private static final class InclusiveLatestStartKit extends InMemoryKit {
        @Override
        protected CallSource source() {
            return new CallSource() {
                @Override
                public Stream<CallRecord> calls(
                        String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
                    return calls.calls(project, startedFrom, startedUntil, rejections);
                }

                @Override
                public Optional<Instant> latestStartBefore(String project, Instant before) {
                    return calls.latestStartBefore(project, before.plusNanos(1));
                }
            };
        }
    }

    /** Counts the streams it opened and never closes them. */
    private static final class LeakingSourceKit extends InMemoryKit {
        final AtomicInteger open = new AtomicInteger();

        @Override
        protected CallSource source() {
            return (project, from, until, rejections) -> {
                open.incrementAndGet();
                return calls.calls(project, from, until, rejections);
            };
        }

        @Override
        protected void assertResourcesReleased() {
            assertThat(open).hasValue(0);
        }
    }

    @Nested
    @DisplayName("an honest read-only source over what it was given passes the whole read-only kit")
    class HonestReadOnly extends ReadOnlyCallSourceContract {
        @Override
        protected CallSource sourceOver(List<CallRecord> calls) {
            SortedSource source = new SortedSource();
            source.calls.add(PROJECT, calls);
            return source;
        }

        @Override
        protected TemporalUnit instantPrecision() {
            return ChronoUnit.NANOS;
        }
    }

    /** Delivers what it was given, in the order given, and claims it is sorted with unique ids. */
    private static final class LyingReadOnlyKit extends ReadOnlyCallSourceContract {
        @Override
        protected CallSource sourceOver(List<CallRecord> calls) {
            InMemoryCallSource given = new InMemoryCallSource();
            given.add(PROJECT, calls);
            ClaimsBoth liar = given::calls;
            return liar;
        }
    }

    /** Keeps a call's stage from the file, and says so; forgets the line, and does not say so. */
    private static final class ForgetfulReadOnlyKit extends ReadOnlyCallSourceContract {
        @Override
        protected CallSource sourceOver(List<CallRecord> calls) {
            InMemoryCallSource given = new InMemoryCallSource();
            given.add(
                    PROJECT,
                    calls.stream().map(ForgetfulReadOnlyKit::withoutLine).toList());
            return given;
        }

        private static CallRecord withoutLine(CallRecord call) {
            CallRecord.Builder copy = CallRecord.builder(call.id(), call.direction(), call.startedAt(), call.endedAt())
                    .client(call.client())
                    .employee(call.employee())
                    .answeredAt(call.answeredAt())
                    .stage(call.stage())
                    .managers(call.managers())
                    .statedReason(call.statedReason());
            return copy.build();
        }

        @Override
        protected TemporalUnit instantPrecision() {
            return ChronoUnit.NANOS;
        }
    }

    @Test
    @DisplayName("fail a read-only source that claims start order and unique ids and delivers neither")
    void catchReadOnlyClaimsThatLie() {
        LyingReadOnlyKit kit = new LyingReadOnlyKit();

        assertThatThrownBy(() -> kit.new StartOrderClaim().startOrderClaimIsHonest())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> kit.new UniqueIdClaim().uniqueIdClaimIsHonest())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("fail a read-only source that loses a field its asRead does not account for")
    void catchLostField() {
        ForgetfulReadOnlyKit kit = new ForgetfulReadOnlyKit();

        assertThatThrownBy(() -> kit.new RoundTrip().everyFieldRoundTrips()).isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("close what an extension registered, last first, after the class's tests")
    void closeRegisteredResources() throws Exception {
        List<String> closed = new ArrayList<>();
        LyingReadOnlyKit kit = new LyingReadOnlyKit();
        kit.closeAfterAll(() -> closed.add("pool"));
        kit.closeAfterAll(() -> closed.add("tables"));

        kit.closeRegistered();

        assertThat(closed).containsExactly("tables", "pool");
    }

    /** Lets the last of two handles with one key win, and lists handles in the order saved. */
    private static final class CarelessStoreKit extends HandleStoreContract {
        final List<Handle> handles = new ArrayList<>();

        @Override
        protected HandleStore newStore() {
            return new HandleStore() {
                @Override
                public SaveOutcome save(String project, Handle handle) {
                    handles.removeIf(handle::sameKey);
                    handles.add(handle);
                    return SaveOutcome.STORED;
                }

                @Override
                public List<Handle> handles(String project, Instant from, Instant until) {
                    return List.copyOf(handles);
                }
            };
        }
    }

    @Test
    @DisplayName("fail a source that claims start order and unique ids and delivers neither")
    void catchClaimsThatLie() {
        LyingSourceKit kit = new LyingSourceKit();

        assertThatThrownBy(() -> kit.new StartOrderClaim().startOrderClaimIsHonest())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> kit.new UniqueIdClaim().uniqueIdClaimIsHonest())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("fail a source whose latest start before an instant includes a call at that instant")
    void catchInclusiveLatestStart() {
        InclusiveLatestStartKit kit = new InclusiveLatestStartKit();

        assertThatThrownBy(() -> kit.new Range().latestStartBeforeIsHonest()).isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("fail a source whose streams stay open after close")
    void catchLeak() {
        LeakingSourceKit kit = new LeakingSourceKit();

        assertThatThrownBy(() -> kit.new Resources().closedEarlyReleasesResources())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("fail a store that replaces a handle, mixes projects and ignores the range")
    void catchCarelessStore() {
        CarelessStoreKit kit = new CarelessStoreKit();

        assertThatThrownBy(() -> kit.new SavingAgain().conflictingHandleRefused())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> new CarelessStoreKit().new SavingAndListing().projectsAreIsolated())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> new CarelessStoreKit().new SavingAndListing().rangeIsInclusive())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> new CarelessStoreKit().new SavingAgain().equalHandleStoredOnce())
                .isInstanceOf(AssertionError.class);
    }
}
