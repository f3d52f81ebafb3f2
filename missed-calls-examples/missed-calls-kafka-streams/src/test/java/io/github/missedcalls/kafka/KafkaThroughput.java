package io.github.missedcalls.kafka;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.live.MissedCallTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Calls per second through the topology end to end, on this machine: a month of several
 * projects produced to the calls and handles topics, until the last event is consumed from the
 * events topic, with one and with two instances; and the in-memory tracker over the same records
 * in the same run. A benchmark main, not a test (docs/kafka.md has the command and figures).
 *
 * <pre>{@code
 * KafkaThroughput [calls] [commit.interval.ms] [allowed lateness]    # defaults 40000, 100, P40D
 * }</pre>
 *
 * <p>The broker, the producer, the consumer and the instances share this JVM and the machine's
 * cores, as they would share a small server; the instances run exactly-once with RocksDB stores,
 * one stream thread each, as the runnable jar does by default.
 */
public final class KafkaThroughput {

    private static final int PROJECTS = 4;
    private static final Duration QUIET = Duration.ofSeconds(3);

    private KafkaThroughput() {}

    private record Sent(String project, Object record) {
        Instant at() {
            return record instanceof CallRecord call ? call.startedAt() : ((Handle) record).handledAt();
        }
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int commitMillis = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        // The tests' P40D keeps a whole month pending per client: every record replays its
        // client's month. PT1H, the default, settles as it goes but rejects what a backfill
        // delivers out of order.
        String lateness = args.length > 2 ? args[2] : "P40D";
        List<Months> months = new ArrayList<>();
        List<Sent> timeLine = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            Months month = Months.month(100 + p, calls / PROJECTS);
            months.add(month);
            String project = "project-" + p;
            month.inOrder().forEach(record -> timeLine.add(new Sent(project, record)));
        }
        timeLine.sort(Comparator.comparing(Sent::at));
        long callCount = timeLine.stream()
                .filter(sent -> sent.record() instanceof CallRecord)
                .count();
        System.out.printf(
                Locale.ROOT,
                "%d projects, %d calls and %d handles over 28 days; exactly_once_v2, commit.interval.ms=%d, lateness %s%n",
                PROJECTS,
                callCount,
                timeLine.size() - callCount,
                commitMillis,
                lateness);

        System.out.printf(
                Locale.ROOT, "in-memory tracker: %.0f calls/s (best of 5)%n", inMemory(months, timeLine, lateness));
        try (KafkaCluster cluster = KafkaCluster.start()) {
            for (int instances : new int[] {1, 2}) {
                Result result = throughThePipeline(cluster, timeLine, instances, commitMillis, lateness);
                System.out.printf(
                        Locale.ROOT,
                        "topology, %d instance%s: %.0f calls/s (%d calls produced to %d events consumed in %.1f s; %d rejections)%n",
                        instances,
                        instances == 1 ? "" : "s",
                        callCount / result.seconds(),
                        callCount,
                        result.events(),
                        result.seconds(),
                        result.rejections());
            }
        }
    }

    private static double inMemory(List<Months> months, List<Sent> timeLine, String lateness) {
        double best = 0;
        for (int round = 0; round < 5; round++) {
            Map<String, MissedCallTracker> trackers = new HashMap<>();
            for (int p = 0; p < PROJECTS; p++) {
                trackers.put(
                        "project-" + p,
                        MissedCallTracker.builder(months.get(p).settings())
                                .allowedLateness(Duration.parse(lateness))
                                .trackFrom(Months.FROM)
                                .build());
            }
            long calls = 0;
            long start = System.nanoTime();
            for (Sent sent : timeLine) {
                MissedCallTracker tracker = Objects.requireNonNull(trackers.get(sent.project()));
                if (sent.record() instanceof CallRecord call) {
                    tracker.accept(call);
                    calls++;
                } else {
                    tracker.accept((Handle) sent.record());
                }
            }
            best = Math.max(best, calls / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    private record Result(double seconds, long events, long rejections) {}

    private static Result throughThePipeline(
            KafkaCluster cluster, List<Sent> timeLine, int instances, int commitMillis, String lateness)
            throws Exception {
        String name = "throughput-" + instances;
        MissedCallsTopology.Topics topics = new MissedCallsTopology.Topics(
                name + ".calls", name + ".handles", name + ".events", name + ".rejections");
        cluster.createTopics(
                Deployment.PARTITIONS, topics.calls(), topics.handles(), topics.events(), topics.rejections());
        Path stateDirs = Files.createTempDirectory(name);
        List<KafkaStreams> running = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                cluster.bootstrapServers(),
                                ProducerConfig.LINGER_MS_CONFIG,
                                5),
                        new StringSerializer(),
                        new ByteArraySerializer());
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                cluster.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                name + "-reader",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            for (int i = 0; i < instances; i++) {
                Properties config = Deployment.applicationSettings(cluster.bootstrapServers(), name, topics);
                config.setProperty("commit.interval.ms", Integer.toString(commitMillis));
                config.setProperty("missed-calls.allowed-lateness", lateness);
                config.setProperty(
                        "state.dir", stateDirs.resolve("instance-" + i).toString());
                KafkaStreams streams = new KafkaStreams(
                        MissedCallsStreamsApp.topology(config).topology(), MissedCallsStreamsApp.kafkaConfig(config));
                streams.start();
                running.add(streams);
            }
            awaitRunning(running);
            consumer.subscribe(List.of(topics.events(), topics.rejections()));
            consumer.poll(Duration.ofMillis(500));

            long start = System.nanoTime();
            for (Sent sent : timeLine) {
                producer.send(Deployment.message(topics, sent.project(), sent.record()));
            }
            producer.flush();

            long events = 0;
            long rejections = 0;
            long lastEvent = start;
            long quietSince = Long.MAX_VALUE;
            // Done when nothing more came for a while after the first event: the quiet time is
            // many commit intervals, and it is not counted.
            while (quietSince == Long.MAX_VALUE || System.nanoTime() - quietSince < QUIET.toNanos()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (!records.isEmpty()) {
                    lastEvent = System.nanoTime();
                    quietSince = lastEvent;
                    for (var record : records) {
                        if (record.topic().equals(topics.events())) {
                            events++;
                        } else {
                            rejections++;
                        }
                    }
                }
            }
            assertInputConsumed(cluster, name, topics);
            return new Result((lastEvent - start) / 1e9, events, rejections);
        } finally {
            for (KafkaStreams streams : running) {
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    /** The application's committed offsets are at the end of both input topics: the figure covers every record. */
    private static void assertInputConsumed(
            KafkaCluster cluster, String applicationId, MissedCallsTopology.Topics topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = cluster.admin()
                .listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (String topic : List.of(topics.calls(), topics.handles())) {
            for (int p = 0; p < Deployment.PARTITIONS; p++) {
                ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        cluster.admin().listOffsets(ends).all().get().forEach((partition, end) -> {
            OffsetAndMetadata at = committed.get(partition);
            long consumed = at == null ? 0 : at.offset();
            // A transaction's commit marker takes an offset of its own after the last record.
            if (consumed < end.offset() - 1 && end.offset() > 0) {
                throw new IllegalStateException(partition + " consumed to " + consumed + " of " + end.offset());
            }
        });
    }

    private static void awaitRunning(List<KafkaStreams> instances) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (instances.stream().anyMatch(streams -> streams.state() != KafkaStreams.State.RUNNING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("instances not running: "
                        + instances.stream().map(KafkaStreams::state).toList());
            }
            Thread.sleep(100);
        }
    }
}
