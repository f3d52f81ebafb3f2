package io.github.missedcalls.kafka;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.live.ClientState;
import io.github.missedcalls.live.ClientTracker;
import io.github.missedcalls.live.TrackerEvent;
import io.github.missedcalls.live.TrackerListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The tracker of one partition of the repartition topic: each client's {@link ClientState} lives
 * in a state store, and {@link ClientTracker} turns a state and a record into the next state and
 * events.
 *
 * <ol>
 *   <li>The watermark is the partition's stream time (the latest call start the task has seen)
 *       minus the allowed lateness. It never goes back, and it is saved in a store of its own so
 *       that a restarted task rejects as late what the task before it would have.
 *   <li>A record is taken as {@link ClientTracker#accept} says; the state is saved, or deleted
 *       when nothing is open or pending, and the events and rejections go downstream.
 *   <li>Every {@code settleEvery} of stream time, the states the watermark has passed are settled,
 *       and those left empty deleted: the store holds the clients with an open group or recent
 *       calls, not every client ever seen.
 * </ol>
 */
final class TrackerProcessor implements Processor<ClientKey, TrackerInput, ClientKey, Outbound> {

    /** The watermark store's one key: each task has its own store, so one key per task. */
    static final String WATERMARK_KEY = "watermark";

    private final ProjectTrackers trackers;
    private final long latenessMillis;
    private final Duration settleEvery;
    private @Nullable ProcessorContext<ClientKey, Outbound> context;
    private @Nullable KeyValueStore<ClientKey, ClientState> states;
    private @Nullable KeyValueStore<String, Long> watermarks;
    private long watermarkMillis = Long.MIN_VALUE;
    private boolean watermarkRead;

    TrackerProcessor(ProjectTrackers trackers, Duration allowedLateness, Duration settleEvery) {
        this.trackers = trackers;
        this.latenessMillis = allowedLateness.toMillis();
        this.settleEvery = settleEvery;
    }

    @Override
    public void init(ProcessorContext<ClientKey, Outbound> processorContext) {
        this.context = processorContext;
        this.states = processorContext.getStateStore(MissedCallsTopology.STATE_STORE);
        this.watermarks = processorContext.getStateStore(MissedCallsTopology.WATERMARK_STORE);
        processorContext.schedule(settleEvery, PunctuationType.STREAM_TIME, streamTime -> settleAll());
    }

    @Override
    public void process(Record<ClientKey, TrackerInput> record) {
        ProcessorContext<ClientKey, Outbound> out = Objects.requireNonNull(context, "init was not called");
        KeyValueStore<ClientKey, ClientState> store = Objects.requireNonNull(states, "init was not called");
        ClientKey key = record.key();
        Instant watermark = advanceWatermark(record.timestamp());
        ClientTracker tracker = trackers.of(key.project());
        ClientState before = store.get(key);
        Collected collected = new Collected();
        TrackerInput input = record.value();
        CallRecord call = input.call();
        Handle handle = input.handle();
        ClientState after = call != null
                ? tracker.accept(before, key.client(), call, watermark, collected)
                : tracker.accept(before, key.client(), Objects.requireNonNull(handle), watermark, collected);
        if (after.isEmpty()) {
            if (before != null) {
                store.delete(key);
            }
        } else if (!after.equals(before)) {
            store.put(key, after);
        }
        for (TrackerEvent event : collected.events) {
            out.forward(record.withValue(new Outbound(event, null)));
        }
        for (Rejection rejection : collected.rejections) {
            out.forward(record.withValue(new Outbound(null, rejection)));
        }
    }

    /**
     * Moves the watermark with the latest record time this task has seen (the partition's stream
     * time, counted here so that it covers this partition only) and saves it when it moves.
     */
    private Instant advanceWatermark(long recordTime) {
        KeyValueStore<String, Long> saved = Objects.requireNonNull(watermarks);
        if (!watermarkRead) {
            // Read at the first record rather than in init, once the store is surely restored.
            Long restored = saved.get(WATERMARK_KEY);
            if (restored != null) {
                watermarkMillis = restored;
            }
            watermarkRead = true;
        }
        // A record time minus the lateness never underflows: Kafka's timestamps are not negative.
        if (recordTime >= 0 && recordTime - latenessMillis > watermarkMillis) {
            watermarkMillis = recordTime - latenessMillis;
            saved.put(WATERMARK_KEY, watermarkMillis);
        }
        return watermarkMillis == Long.MIN_VALUE ? Instant.MIN : Instant.ofEpochMilli(watermarkMillis);
    }

    private void settleAll() {
        KeyValueStore<ClientKey, ClientState> store = Objects.requireNonNull(states);
        Instant watermark = advanceWatermark(-1);
        List<KeyValue<ClientKey, ClientState>> settled = new ArrayList<>();
        List<ClientKey> emptied = new ArrayList<>();
        try (KeyValueIterator<ClientKey, ClientState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<ClientKey, ClientState> entry = all.next();
                ClientState next = trackers.of(entry.key.project()).settle(entry.value, watermark);
                if (next.isEmpty()) {
                    emptied.add(entry.key);
                } else if (!next.equals(entry.value)) {
                    settled.add(KeyValue.pair(entry.key, next));
                }
            }
        }
        // Written after the scan: a store need not support writes while it is iterated.
        store.putAll(settled);
        emptied.forEach(store::delete);
    }

    /** Collects what the tracker tells about one record. */
    private static final class Collected implements TrackerListener {
        final List<TrackerEvent> events = new ArrayList<>(2);
        final List<Rejection> rejections = new ArrayList<>(0);

        @Override
        public void event(TrackerEvent event) {
            events.add(event);
        }

        @Override
        public void rejected(Rejection rejection) {
            rejections.add(rejection);
        }
    }
}
