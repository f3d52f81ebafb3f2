package io.github.missedcalls.kafka;

import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.live.ClientState;
import io.github.missedcalls.live.MissedCallTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;

/**
 * The live tracker as a Kafka Streams topology (see {@code docs/kafka.md} for the picture).
 *
 * <ol>
 *   <li>Calls and handles come in as JSON ({@link CallMessage}, {@link HandleMessage}), keyed
 *       by project. Each is validated and its client number normalized with the project's
 *       settings; what fails goes to the rejections topic with its reason (R2, R3).
 *   <li>Valid records are re-keyed by {@link ClientKey} (project and normalized number) and
 *       repartitioned, so that all records of one client meet in one task, stamped with their
 *       start so that stream time is call time.
 *   <li>The tracker processor keeps each client's {@link ClientState} in the state store
 *       {@value #STATE_STORE} and writes the tracker's events to the events topic (keyed by
 *       client) and late or conflicting records to the rejections topic.
 *   <li>Missed calls without a number are counted per project in {@value #ANONYMOUS_STORE} (R4).
 *   <li>{@link UnprocessedTabQuery} reads a project's unprocessed tab from the state store.
 * </ol>
 */
public final class MissedCallsTopology {

    /** Each client's tracker state, keyed by {@link ClientKey}. */
    public static final String STATE_STORE = "missed-calls-clients";
    /** Each task's watermark, so that a restarted task keeps the lateness bound. */
    public static final String WATERMARK_STORE = "missed-calls-watermarks";
    /** Missed calls without a client number per project (R4). */
    public static final String ANONYMOUS_STORE = "missed-calls-anonymous";
    /** Names the internal topic {@code <application.id>-by-client-repartition}. */
    public static final String BY_CLIENT = "by-client";

    /**
     * Settling scans the whole store; every quarter hour of call time keeps it small without
     * scanning often.
     */
    public static final Duration DEFAULT_SETTLE_EVERY = Duration.ofMinutes(15);

    private final Topics topics;
    private final Duration allowedLateness;
    private final Duration settleEvery;
    private final boolean persistent;
    private final @Nullable Integer partitions;
    private final ProjectTrackers trackers;

    /**
     * The topics the application reads and writes; the internal ones are named after them by
     * Kafka Streams.
     *
     * @param calls call records in, keyed by project
     * @param handles manual handles in, keyed by project
     * @param events tracker events out, keyed by client
     * @param rejections rejected records out, keyed by project
     */
    public record Topics(String calls, String handles, String events, String rejections) {

        /** {@code missed-calls.calls}, {@code .handles}, {@code .events} and {@code .rejections}. */
        public static final Topics DEFAULT = new Topics(
                "missed-calls.calls", "missed-calls.handles", "missed-calls.events", "missed-calls.rejections");

        public Topics {
            Objects.requireNonNull(calls, "calls");
            Objects.requireNonNull(handles, "handles");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(rejections, "rejections");
        }
    }

    private MissedCallsTopology(Builder builder) {
        this.topics = builder.topics;
        this.allowedLateness = builder.allowedLateness;
        this.settleEvery = builder.settleEvery;
        this.persistent = builder.persistent;
        this.partitions = builder.partitions;
        this.trackers = new ProjectTrackers(builder.settings, builder.trackFrom);
    }

    /** Starts a configuration; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The topics this topology reads and writes. */
    public Topics topics() {
        return topics;
    }

    /** The query that reads a project's unprocessed tab from this topology's state store. */
    public UnprocessedTabQuery unprocessedTab() {
        return new UnprocessedTabQuery(trackers);
    }

    /** Builds the topology to give to {@link org.apache.kafka.streams.KafkaStreams}. */
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(
                Stores.keyValueStoreBuilder(store(STATE_STORE), ClientKey.serde(), Json.serde(ClientState.class))
                        .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(store(WATERMARK_STORE), Serdes.String(), Serdes.Long()));

        Consumed<String, byte[]> messages = Consumed.with(Serdes.String(), Serdes.ByteArray());
        KStream<ClientKey, Routed> calls = builder.stream(topics.calls(), messages.withName("calls"))
                .process(() -> new Router(Router.Source.CALLS, trackers), Named.as("route-calls"));
        KStream<ClientKey, Routed> handles = builder.stream(topics.handles(), messages.withName("handles"))
                .process(() -> new Router(Router.Source.HANDLES, trackers), Named.as("route-handles"));
        calls.merge(handles, Named.as("calls-and-handles"))
                .split(Named.as("routed-"))
                .branch(
                        (key, value) -> value.rejection() != null,
                        Branched.withConsumer(this::rejectionsOfRouter, "rejected"))
                .branch(
                        (key, value) -> value.anonymousMissed(),
                        Branched.withConsumer(this::countAnonymous, "anonymous"))
                .defaultBranch(Branched.withConsumer(this::track, "tracked"));
        return builder.build();
    }

    private void rejectionsOfRouter(KStream<ClientKey, Routed> rejected) {
        rejected.map(
                        (key, value) -> {
                            String project = key.project().isEmpty() ? null : key.project();
                            return KeyValue.pair(
                                    project, RejectionMessage.of(project, Objects.requireNonNull(value.rejection())));
                        },
                        Named.as("router-rejections"))
                .to(
                        topics.rejections(),
                        Produced.with(Serdes.String(), Json.serde(RejectionMessage.class))
                                .withName("rejections-of-router"));
    }

    private void countAnonymous(KStream<ClientKey, Routed> anonymous) {
        anonymous
                .map((key, value) -> KeyValue.pair(key.project(), 1L), Named.as("anonymous-by-project"))
                .groupByKey(Grouped.with("anonymous-by-project", Serdes.String(), Serdes.Long()))
                .count(
                        Named.as("count-anonymous"),
                        Materialized.<String, Long>as(store(ANONYMOUS_STORE))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.Long()));
    }

    private void track(KStream<ClientKey, Routed> tracked) {
        Repartitioned<ClientKey, TrackerInput> byClient = Repartitioned.with(
                        ClientKey.serde(), Json.serde(TrackerInput.class))
                .withName(BY_CLIENT);
        tracked.mapValues(value -> Objects.requireNonNull(value.input()), Named.as("tracker-input"))
                .repartition(partitions == null ? byClient : byClient.withNumberOfPartitions(partitions))
                .process(
                        () -> new TrackerProcessor(trackers, allowedLateness, settleEvery),
                        Named.as("tracker"),
                        STATE_STORE,
                        WATERMARK_STORE)
                .split(Named.as("told-"))
                .branch((key, value) -> value.event() != null, Branched.withConsumer(this::events, "event"))
                .defaultBranch(Branched.withConsumer(this::rejectionsOfTracker, "rejection"));
    }

    private void events(KStream<ClientKey, Outbound> told) {
        told.mapValues(
                        (key, value) -> EventMessage.of(key.project(), Objects.requireNonNull(value.event())),
                        Named.as("event-messages"))
                .to(
                        topics.events(),
                        Produced.with(ClientKey.serde(), Json.serde(EventMessage.class))
                                .withName("events"));
    }

    private void rejectionsOfTracker(KStream<ClientKey, Outbound> told) {
        told.map(
                        (key, value) -> KeyValue.pair(
                                key.project(),
                                RejectionMessage.of(key.project(), Objects.requireNonNull(value.rejection()))),
                        Named.as("tracker-rejections"))
                .to(
                        topics.rejections(),
                        Produced.with(Serdes.String(), Json.serde(RejectionMessage.class))
                                .withName("rejections-of-tracker"));
    }

    private KeyValueBytesStoreSupplier store(String name) {
        return persistent ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }

    /** Collects a topology's settings. */
    public static final class Builder {
        private Topics topics = Topics.DEFAULT;
        private Duration allowedLateness = MissedCallTracker.DEFAULT_ALLOWED_LATENESS;
        private Duration settleEvery = DEFAULT_SETTLE_EVERY;
        private Instant trackFrom = Instant.MIN;
        private Function<String, ProjectSettings> settings = project -> ProjectSettings.defaults();
        private boolean persistent = true;
        private @Nullable Integer partitions;

        private Builder() {}

        /** The topics; default {@link Topics#DEFAULT}. */
        public Builder topics(Topics value) {
            this.topics = Objects.requireNonNull(value, "topics");
            return this;
        }

        /**
         * How far behind its partition's latest call a record may start and still be taken;
         * default {@link MissedCallTracker#DEFAULT_ALLOWED_LATENESS}.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder allowedLateness(Duration value) {
            Objects.requireNonNull(value, "allowedLateness");
            if (value.isNegative()) {
                throw new IllegalArgumentException("allowedLateness must not be negative: " + value);
            }
            this.allowedLateness = value;
            return this;
        }

        /**
         * How often, in call time, states the watermark has passed are settled and empty ones
         * deleted; default {@link #DEFAULT_SETTLE_EVERY}.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder settleEvery(Duration value) {
            Objects.requireNonNull(value, "settleEvery");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("settleEvery must be positive: " + value);
            }
            this.settleEvery = value;
            return this;
        }

        /** Missed calls that started before this instant do not count; default: all count. */
        public Builder trackFrom(Instant value) {
            this.trackFrom = Objects.requireNonNull(value, "trackFrom");
            return this;
        }

        /** Settings per project, read once per project and instance; default {@link ProjectSettings#defaults()}. */
        public Builder settings(Function<String, ProjectSettings> value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** Whether stores live in RocksDB (default) or in memory; both are backed by changelog topics. */
        public Builder persistent(boolean value) {
            this.persistent = value;
            return this;
        }

        /**
         * Partitions of the by-client repartition topic: how many tasks can track at once. Default:
         * as many as the calls topic has.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder partitions(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("partitions must be positive: " + value);
            }
            this.partitions = value;
            return this;
        }

        public MissedCallsTopology build() {
            return new MissedCallsTopology(this);
        }
    }
}
