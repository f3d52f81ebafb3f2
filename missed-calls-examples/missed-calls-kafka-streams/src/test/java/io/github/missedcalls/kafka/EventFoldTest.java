package io.github.missedcalls.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.Report;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.live.MissedCallTracker;
import io.github.missedcalls.live.TrackerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The strict fold the real-broker tests judge a cluster's events by: it must accept what the
 * in-memory tracker tells, and catch an event told twice or lost.
 */
@DisplayName("The strict fold of the events topic")
class EventFoldTest {

    private static final Months WEEK = Months.generate(31, 2_000);
    // Handles and calls days out of order: revisions and retractions, as a cluster tells them.
    private static final Duration LATENESS = Duration.ofDays(3);

    private static List<EventMessage> told() {
        List<TrackerEvent> events = new ArrayList<>();
        MissedCallTracker tracker = MissedCallTracker.builder(WEEK.settings())
                .allowedLateness(LATENESS)
                .trackFrom(Months.FROM)
                .listener(events::add)
                .build();
        for (Object record : WEEK.shuffledWithin(LATENESS, 3)) {
            if (record instanceof CallRecord call) {
                tracker.accept(call);
            } else {
                tracker.accept((Handle) record);
            }
        }
        return events.stream().map(event -> EventMessage.of("acme", event)).toList();
    }

    private static EventFold fold(List<EventMessage> events) {
        EventFold fold = new EventFold();
        events.forEach(fold::apply);
        return fold;
    }

    @Test
    @DisplayName("accepts the tracker's events and folds them into the batch report's tabs")
    void acceptsTheTrackersEvents() {
        List<EventMessage> told = told();
        assertThat(told).extracting(EventMessage::type).contains(TrackerEvent.Type.REVISED);
        EventFold fold = fold(told);
        assertThat(fold.violations()).isEmpty();
        Report batch = WEEK.report("acme");
        assertThat(groups(fold.unprocessed("acme"))).isEqualTo(groups(batch.unprocessed()));
        assertThat(new HashSet<>(fold.processed("acme"))).isEqualTo(new HashSet<>(batch.processed()));
    }

    @Test
    @DisplayName("catches a run of events told again, as after a crash without exactly-once")
    void catchesEventsToldTwice() {
        List<EventMessage> told = new ArrayList<>(told());
        int from = told.size() / 2;
        told.addAll(from + 40, List.copyOf(told.subList(from, from + 40)));
        assertThat(fold(told).violations()).isNotEmpty();
    }

    @Test
    @DisplayName("catches a run of events lost, as a crash without exactly-once loses a batch not yet sent")
    void catchesLostEvents() {
        List<EventMessage> told = told();
        Report batch = WEEK.report("acme");
        for (int from = told.size() / 10; from < told.size() - 10; from += told.size() / 10) {
            List<EventMessage> without = new ArrayList<>(told);
            without.subList(from, from + 10).clear();
            EventFold fold = fold(without);
            boolean caught = !fold.violations().isEmpty()
                    || !groups(fold.unprocessed("acme")).equals(groups(batch.unprocessed()))
                    || !new HashSet<>(fold.processed("acme")).equals(new HashSet<>(batch.processed()));
            assertThat(caught)
                    .as("losing events %d to %d is caught", from, from + 9)
                    .isTrue();
        }
    }

    /** Rows without the waiting time, which an event measures to when it was told. */
    static Set<List<Object>> groups(List<UnprocessedRow> rows) {
        Set<List<Object>> groups = new HashSet<>();
        rows.forEach(row -> groups.add(List.of(row.client(), row.calls(), row.callbackAttempts())));
        return groups;
    }
}
