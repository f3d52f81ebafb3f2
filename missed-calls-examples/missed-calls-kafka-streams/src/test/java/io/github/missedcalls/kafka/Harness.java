package io.github.missedcalls.kafka;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.live.ClientState;
import io.github.missedcalls.live.TrackerEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jspecify.annotations.Nullable;

/**
 * One run of the topology in a {@link TopologyTestDriver}: pipes records in, reads the events
 * and rejections out, and folds the events into the processed tab as a consumer would.
 */
final class Harness implements AutoCloseable {

    static final String APPLICATION_ID = "missed-calls-test";

    final MissedCallsTopology topology;
    final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> calls;
    private final TestInputTopic<String, byte[]> handles;
    private final TestOutputTopic<ClientKey, EventMessage> events;
    private final TestOutputTopic<String, RejectionMessage> rejectionTopic;
    private final TestOutputTopic<byte[], byte[]> clientsChangelog;
    private final TestOutputTopic<byte[], byte[]> watermarksChangelog;
    private final TestOutputTopic<byte[], byte[]> anonymousChangelog;
    final List<EventMessage> told = new ArrayList<>();
    final List<RejectionMessage> rejections = new ArrayList<>();
    private final Map<String, ProcessedRow> processed = new HashMap<>();

    Harness(MissedCallsTopology topology, Path stateDir) {
        this.topology = topology;
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(topology.topology(), config);
        MissedCallsTopology.Topics topics = topology.topics();
        this.calls = driver.createInputTopic(topics.calls(), new StringSerializer(), new ByteArraySerializer());
        this.handles = driver.createInputTopic(topics.handles(), new StringSerializer(), new ByteArraySerializer());
        this.events = driver.createOutputTopic(
                topics.events(),
                ClientKey.serde().deserializer(),
                Json.serde(EventMessage.class).deserializer());
        this.rejectionTopic = driver.createOutputTopic(
                topics.rejections(),
                Serdes.String().deserializer(),
                Json.serde(RejectionMessage.class).deserializer());
        this.clientsChangelog = changelog(MissedCallsTopology.STATE_STORE);
        this.watermarksChangelog = changelog(MissedCallsTopology.WATERMARK_STORE);
        this.anonymousChangelog = changelog(MissedCallsTopology.ANONYMOUS_STORE);
    }

    private TestOutputTopic<byte[], byte[]> changelog(String store) {
        return driver.createOutputTopic(
                APPLICATION_ID + "-" + store + "-changelog", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Sends a call or a handle of a project, as its producer would. */
    void send(String project, Object record) {
        // A producer stamps a record with when it happened; the router stamps it again anyway.
        if (record instanceof CallRecord call) {
            calls.pipeInput(project, Json.write(CallMessage.of(call)), call.startedAt());
        } else {
            Handle handle = (Handle) record;
            handles.pipeInput(project, Json.write(HandleMessage.of(handle)), handle.handledAt());
        }
        drain();
    }

    void sendCall(@Nullable String project, String json) {
        sendCall(project, json.getBytes(StandardCharsets.UTF_8));
    }

    private void sendCall(@Nullable String project, byte[] json) {
        calls.pipeInput(project, json);
        drain();
    }

    void sendHandle(String project, String json) {
        handles.pipeInput(project, json.getBytes(StandardCharsets.UTF_8));
        drain();
    }

    private void drain() {
        for (EventMessage message : events.readValuesToList()) {
            told.add(message);
            if (message.processed() != null) {
                ProcessedRow row = message.processed();
                String key = message.project() + "|" + row.client() + "|"
                        + row.resolution().resolvedAt() + "|" + row.resolution().kind() + "|"
                        + row.resolution().callId() + "|" + row.resolution().resolvedBy();
                if (message.type() == TrackerEvent.Type.RETRACTED) {
                    processed.remove(key);
                } else {
                    processed.put(key, row);
                }
            }
        }
        rejections.addAll(rejectionTopic.readValuesToList());
    }

    /** The processed rows of a project, as the events told them. */
    List<ProcessedRow> processed(String project) {
        List<ProcessedRow> rows = new ArrayList<>();
        processed.forEach((key, row) -> {
            if (key.startsWith(project + "|")) {
                rows.add(row);
            }
        });
        return rows;
    }

    KeyValueStore<ClientKey, ClientState> states() {
        return driver.getKeyValueStore(MissedCallsTopology.STATE_STORE);
    }

    List<UnprocessedRow> unprocessed(String project, Instant asOf) {
        return topology.unprocessedTab().rows(states(), project, asOf);
    }

    long anonymousMissed(String project) {
        KeyValueStore<String, ValueAndTimestamp<Long>> counts =
                driver.getTimestampedKeyValueStore(MissedCallsTopology.ANONYMOUS_STORE);
        ValueAndTimestamp<Long> count = counts.get(project);
        return count == null ? 0 : count.value();
    }

    /**
     * What a new instance restores from the changelog topics before it takes over the tasks:
     * every store's latest values, taken from this run's changelogs.
     */
    Changelogs changelogs() {
        return new Changelogs(
                clientsChangelog.readKeyValuesToList(),
                watermarksChangelog.readKeyValuesToList(),
                anonymousChangelog.readKeyValuesToList());
    }

    /** The changelog records of one run. */
    record Changelogs(
            List<KeyValue<byte[], byte[]>> clients,
            List<KeyValue<byte[], byte[]>> watermarks,
            List<KeyValue<byte[], byte[]>> anonymous) {

        /** Replays the changelogs into a fresh run's stores, as Kafka Streams' restoration does. */
        void restoreInto(Harness fresh) {
            KeyValueStore<ClientKey, ClientState> states = fresh.states();
            for (KeyValue<byte[], byte[]> entry : clients) {
                ClientKey key = ClientKey.serde().deserializer().deserialize("", entry.key);
                if (entry.value == null) {
                    states.delete(key);
                } else {
                    states.put(key, Json.read(entry.value, ClientState.class));
                }
            }
            KeyValueStore<String, Long> marks = fresh.driver.getKeyValueStore(MissedCallsTopology.WATERMARK_STORE);
            for (KeyValue<byte[], byte[]> entry : watermarks) {
                marks.put(
                        new String(entry.key, StandardCharsets.UTF_8),
                        Serdes.Long().deserializer().deserialize("", entry.value));
            }
            KeyValueStore<String, ValueAndTimestamp<Long>> counts =
                    fresh.driver.getTimestampedKeyValueStore(MissedCallsTopology.ANONYMOUS_STORE);
            for (KeyValue<byte[], byte[]> entry : anonymous) {
                // The count's timestamp travels as the changelog record's; no step here reads it.
                counts.put(
                        new String(entry.key, StandardCharsets.UTF_8),
                        ValueAndTimestamp.make(Serdes.Long().deserializer().deserialize("", entry.value), 0L));
            }
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
