package io.github.missedcalls.kafka;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.generator.MonthGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * One deployment of the application on the test cluster: its own application id and topics
 * (so tests on one cluster do not meet), the instances started for it, a producer that sends
 * calls and handles keyed by project as a PBX would, and a consumer that folds the events
 * ({@link EventFold}) and collects the rejections, reading only committed transactions.
 */
final class Deployment implements AutoCloseable {

    /** Partitions of the input and events topics; the by-client topic gets as many. */
    static final int PARTITIONS = 4;

    private static final TypeReference<List<UnprocessedRow>> ROWS = new TypeReference<>() {};

    private final KafkaCluster cluster;
    private final Path folder;
    private final String name;
    private final MissedCallsTopology.Topics topics;
    private final Properties settings = new Properties();
    private final List<AppInstance> instances = new ArrayList<>();
    private final KafkaProducer<String, byte[]> producer;
    private final EventFold fold = new EventFold();
    private final List<RejectionMessage> rejections = new ArrayList<>();
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private final Thread consumer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Future<RecordMetadata>> unconfirmed = new ArrayList<>();
    private volatile @Nullable Throwable consumerFailure;
    private int sentBad;

    /**
     * @param name the application id and the topics' prefix
     * @param guarantee {@code exactly_once_v2} or, to show what it prevents, {@code at_least_once}
     */
    Deployment(KafkaCluster cluster, Path folder, String name, String guarantee)
            throws InterruptedException, ExecutionException {
        this.cluster = cluster;
        this.folder = folder;
        this.name = name;
        this.topics = new MissedCallsTopology.Topics(
                name + ".calls", name + ".handles", name + ".events", name + ".rejections");
        cluster.createTopics(PARTITIONS, topics.calls(), topics.handles(), topics.events(), topics.rejections());

        settings.putAll(applicationSettings(cluster.bootstrapServers(), name, topics));
        settings.setProperty("processing.guarantee", guarantee);
        // A killed instance's tasks move after this long; the broker's minimum.
        settings.setProperty("session.timeout.ms", "6000");
        settings.setProperty("heartbeat.interval.ms", "1000");

        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.consumer = new Thread(this::consume, name + "-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    /**
     * An instance's properties file, but for its state folder and HTTP address: exactly-once,
     * a commit every 200 ms, the generated months' project settings.
     */
    static Properties applicationSettings(String bootstrapServers, String name, MissedCallsTopology.Topics topics) {
        Properties settings = new Properties();
        settings.setProperty("application.id", name);
        settings.setProperty("bootstrap.servers", bootstrapServers);
        settings.setProperty("processing.guarantee", "exactly_once_v2");
        settings.setProperty("commit.interval.ms", "200");
        settings.setProperty("replication.factor", "1");
        settings.setProperty("missed-calls.topic.calls", topics.calls());
        settings.setProperty("missed-calls.topic.handles", topics.handles());
        settings.setProperty("missed-calls.topic.events", topics.events());
        settings.setProperty("missed-calls.topic.rejections", topics.rejections());
        settings.setProperty("missed-calls.zone", Months.ZONE.getId());
        settings.setProperty("missed-calls.country-code", "380");
        settings.setProperty("missed-calls.hours", MonthGenerator.DEFAULT_HOURS);
        settings.setProperty("missed-calls.track-from", Months.FROM.toString());
        // Longer than a generated month: the producer sends the month at once, a backfill, and
        // the route tasks of the projects' partitions run days apart in call time, while the
        // by-client partitions they feed share one watermark (docs/kafka.md). These tests are
        // about distribution, not the lateness bound.
        settings.setProperty("missed-calls.allowed-lateness", "P40D");
        return settings;
    }

    /** A project's call or handle as its producer sends it: keyed by project, stamped with when it happened. */
    static ProducerRecord<String, byte[]> message(MissedCallsTopology.Topics topics, String project, Object record) {
        if (record instanceof CallRecord call) {
            return new ProducerRecord<>(
                    topics.calls(), null, call.startedAt().toEpochMilli(), project, Json.write(CallMessage.of(call)));
        }
        Handle handle = (Handle) record;
        return new ProducerRecord<>(
                topics.handles(),
                null,
                handle.handledAt().toEpochMilli(),
                project,
                Json.write(HandleMessage.of(handle)));
    }

    AppInstance startInstance(String name) throws IOException {
        AppInstance instance = AppInstance.start(name, folder, settings);
        instances.add(instance);
        return instance;
    }

    void send(String project, Object record) {
        unconfirmed.add(producer.send(message(topics, project, record)));
    }

    /** Sends a call record the router must reject (an unknown direction), with the id {@code bad-N}. */
    String sendBad(String project, Instant at) {
        String id = "bad-" + project + "-" + ++sentBad;
        CallMessage bad = new CallMessage(
                id,
                "sideways",
                "+380501110001",
                null,
                null,
                at.toString(),
                null,
                at.plusSeconds(30).toString(),
                null,
                null,
                null);
        unconfirmed.add(
                producer.send(new ProducerRecord<>(topics.calls(), null, at.toEpochMilli(), project, Json.write(bad))));
        return id;
    }

    /** Waits until the broker has every record sent so far; a send that failed fails the test here. */
    void flush() throws InterruptedException {
        producer.flush();
        for (Future<RecordMetadata> sent : unconfirmed) {
            try {
                sent.get();
            } catch (ExecutionException e) {
                throw new AssertionError("a record was not produced", e.getCause());
            }
        }
        unconfirmed.clear();
    }

    private void consume() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                topics.events() + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        try (KafkaConsumer<byte[], byte[]> reader =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reader.subscribe(List.of(topics.events(), topics.rejections()));
            while (consuming.get()) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
                    synchronized (this) {
                        if (record.topic().equals(topics.events())) {
                            fold.apply(Json.read(record.value(), EventMessage.class));
                        } else {
                            rejections.add(Json.read(record.value(), RejectionMessage.class));
                        }
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            consumerFailure = e;
        }
    }

    /** Reads the consumer's view under its lock. */
    synchronized <T> T read(Function<EventFold, T> view) {
        return view.apply(fold);
    }

    synchronized List<RejectionMessage> rejections() {
        return List.copyOf(rejections);
    }

    /**
     * Waits until {@code done} holds and has held, with nothing more consumed, for two seconds:
     * what the application tells after that is what a second look would catch.
     */
    void awaitSettled(BooleanSupplier done, Supplier<String> difference, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int seen = -1;
        Instant quietSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            if (consumerFailure != null) {
                throw new AssertionError("the events consumer failed", consumerFailure);
            }
            int now;
            synchronized (this) {
                now = fold.folded() + rejections.size();
            }
            if (now != seen) {
                seen = now;
                quietSince = Instant.now();
            } else if (done.getAsBoolean()
                    && Duration.between(quietSince, Instant.now()).compareTo(Duration.ofSeconds(2)) >= 0) {
                return;
            }
            Thread.sleep(100);
        }
        StringBuilder logs = new StringBuilder();
        for (AppInstance instance : instances) {
            String log = AppInstance.readLog(instance.log());
            logs.append("\n--- ")
                    .append(instance.name())
                    .append(" (last 3000 characters of its log)\n")
                    .append(log.substring(Math.max(0, log.length() - 3000)));
        }
        // Slow and stalled look alike at the deadline; when the last event came tells them apart.
        throw new AssertionError("not settled within " + timeout + " (the last new event "
                + Duration.between(quietSince, Instant.now()).toSeconds() + " s before the end): "
                + difference.get() + "; instances: " + instances
                + "\n--- where each group has read to\n" + positions() + logs);
    }

    /**
     * For every partition the application and the events reader consume, the group's committed
     * offset against the partition's end: a stall shows as the partition where they differ.
     */
    private String positions() {
        StringBuilder text = new StringBuilder();
        List<String> appTopics =
                List.of(topics.calls(), topics.handles(), name + "-" + MissedCallsTopology.BY_CLIENT + "-repartition");
        appendPositions(text, name, appTopics);
        appendPositions(text, topics.events() + "-reader", List.of(topics.events(), topics.rejections()));
        return text.toString();
    }

    private void appendPositions(StringBuilder text, String group, List<String> topicNames) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = cluster.admin()
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new TreeMap<>(
                    Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
            for (String topic : topicNames) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    ends.put(new TopicPartition(topic, partition), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = cluster.admin()
                    .listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            for (TopicPartition partition : ends.keySet()) {
                OffsetAndMetadata at = committed.get(partition);
                long last = Objects.requireNonNull(end.get(partition)).offset();
                text.append(String.format(
                        "%s %s: committed %s of %d%s%n",
                        group,
                        partition,
                        at == null ? "nothing" : String.valueOf(at.offset()),
                        last,
                        at != null && at.offset() == last ? "" : "  <-- behind"));
            }
        } catch (ExecutionException | TimeoutException e) {
            text.append(group).append(": offsets not read: ").append(e).append('\n');
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            text.append(group).append(": interrupted\n");
        }
    }

    /** What an instance's tab server answers, with its status. */
    record Answer(int status, @Nullable List<UnprocessedRow> rows, String body) {}

    Answer ask(URI uri) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.statusCode() == 200 ? Json.MAPPER.readValue(response.body(), ROWS) : null,
                    response.statusCode() == 200 ? "" : new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(-1, null, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, "interrupted");
        }
    }

    /** Waits until an instance answers a tab (its group settled after a start or a rebalance). */
    List<UnprocessedRow> awaitTab(AppInstance instance, String project, Instant asOf, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Answer answer = ask(instance.tab(project, asOf));
            if (answer.status() == 200 && answer.rows() != null) {
                return answer.rows();
            }
            if (!instance.isAlive()) {
                throw new AssertionError(instance + " exited:\n" + AppInstance.readLog(instance.log()));
            }
            Thread.sleep(200);
        }
        throw new AssertionError(instance + " answered no tab within " + timeout);
    }

    @Override
    public void close() {
        consuming.set(false);
        try {
            consumer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
        for (AppInstance instance : instances) {
            instance.close();
        }
    }
}
