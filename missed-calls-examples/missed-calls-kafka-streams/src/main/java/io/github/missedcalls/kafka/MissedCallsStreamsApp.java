package io.github.missedcalls.kafka;

import io.github.missedcalls.BusinessHours;
import io.github.missedcalls.ProjectSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Runs the topology against a cluster, and serves the unprocessed tab over HTTP
 * ({@link TabServer}). One properties file configures it: Kafka Streams' own settings as they
 * are, and the {@code missed-calls.*} settings below (docs/kafka.md has a complete file).
 *
 * <pre>{@code
 * java -jar missed-calls-kafka.jar streams.properties
 * }</pre>
 *
 * <ul>
 *   <li>{@code missed-calls.allowed-lateness}: an ISO-8601 duration, default {@code PT1H};
 *   <li>{@code missed-calls.track-from}: an instant; missed calls before it do not count;
 *   <li>{@code missed-calls.partitions}: partitions of the by-client topic; default those of the calls topic;
 *   <li>{@code missed-calls.topic.calls}, {@code .handles}, {@code .events}, {@code .rejections}: the
 *       topics, default {@link MissedCallsTopology.Topics#DEFAULT};
 *   <li>{@code missed-calls.zone}, {@code missed-calls.country-code}, {@code missed-calls.hours}: the
 *       settings of every project (an application with per-project settings passes its own
 *       function to {@link MissedCallsTopology.Builder#settings});
 *   <li>{@code application.server}: {@code host:port} where this instance serves HTTP; the other
 *       instances find it through Kafka Streams' metadata.
 * </ul>
 */
public final class MissedCallsStreamsApp {

    private MissedCallsStreamsApp() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: java -jar missed-calls-kafka.jar <streams.properties>");
            System.exit(2);
        }
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            config.load(in);
        }
        MissedCallsTopology topology = topology(config);
        Properties kafka = kafkaConfig(config);
        KafkaStreams streams = new KafkaStreams(topology.topology(), kafka);
        CountDownLatch stopped = new CountDownLatch(1);
        String server = config.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
        HostInfo self = server == null ? null : HostInfo.buildFromEndpoint(server);
        UnprocessedTabQuery query = topology.unprocessedTab();
        StoreCoverage coverage = self == null
                ? null
                : new StoreCoverage(
                        new StreamsConfig(kafka).getAdminConfigs("missed-calls-tab-server"),
                        StoreCoverage.byClientTopic(Objects.requireNonNull(
                                kafka.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), "application.id")));
        TabServer tabs = self == null || coverage == null
                ? null
                : new TabServer(
                        new InetSocketAddress(self.port()),
                        (project, asOf) -> {
                            // While a rebalance moves tasks, this instance's part and the others'
                            // may overlap or leave a gap; only a settled group answers a whole tab.
                            if (streams.state() != KafkaStreams.State.RUNNING) {
                                throw new InvalidStateStoreException(
                                        "instance is " + streams.state() + ", not RUNNING; ask again");
                            }
                            try {
                                return query.localRows(streams, self, project, asOf);
                            } catch (RuntimeException e) {
                                // A rebalance that began during the read closes the stores under it.
                                if (streams.state() != KafkaStreams.State.RUNNING) {
                                    throw new InvalidStateStoreException("rebalance began during the read", e);
                                }
                                throw e;
                            }
                        },
                        () -> others(streams, self, coverage));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (tabs != null) {
                                tabs.close();
                            }
                            if (coverage != null) {
                                coverage.close();
                            }
                            streams.close(Duration.ofSeconds(30));
                            stopped.countDown();
                        },
                        "missed-calls-shutdown"));
        // A stream thread that dies (a fenced or failed transactional producer) is replaced:
        // under exactly-once its uncommitted work is aborted and done again, so nothing is
        // lost or doubled, where the default would stop this instance's share of the work.
        streams.setUncaughtExceptionHandler(exception -> {
            System.err.println("missed-calls: a stream thread failed and is replaced: " + exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        stopped.await();
    }

    static MissedCallsTopology topology(Properties config) {
        ProjectSettings.Builder settings = ProjectSettings.builder();
        String zone = config.getProperty("missed-calls.zone");
        if (zone != null) {
            settings.zone(ZoneId.of(zone));
        }
        String countryCode = config.getProperty("missed-calls.country-code");
        if (countryCode != null) {
            settings.countryCode(countryCode);
        }
        String hours = config.getProperty("missed-calls.hours");
        if (hours != null) {
            settings.businessHours(BusinessHours.parse(hours));
        }
        ProjectSettings everyProject = settings.build();
        MissedCallsTopology.Builder builder = MissedCallsTopology.builder().settings(project -> everyProject);
        String lateness = config.getProperty("missed-calls.allowed-lateness");
        if (lateness != null) {
            builder.allowedLateness(Duration.parse(lateness));
        }
        String trackFrom = config.getProperty("missed-calls.track-from");
        if (trackFrom != null) {
            builder.trackFrom(Instant.parse(trackFrom));
        }
        String partitions = config.getProperty("missed-calls.partitions");
        if (partitions != null) {
            builder.partitions(Integer.parseInt(partitions));
        }
        MissedCallsTopology.Topics names = MissedCallsTopology.Topics.DEFAULT;
        builder.topics(new MissedCallsTopology.Topics(
                config.getProperty("missed-calls.topic.calls", names.calls()),
                config.getProperty("missed-calls.topic.handles", names.handles()),
                config.getProperty("missed-calls.topic.events", names.events()),
                config.getProperty("missed-calls.topic.rejections", names.rejections())));
        return builder.build();
    }

    /** Kafka Streams' own settings: the file without the {@code missed-calls.*} ones. */
    static Properties kafkaConfig(Properties config) {
        Properties kafka = new Properties();
        config.stringPropertyNames().stream()
                .filter(name -> !name.startsWith("missed-calls."))
                .forEach(name -> kafka.setProperty(name, config.getProperty(name)));
        return kafka;
    }

    /**
     * Every other instance that holds a part of the state store, once every part is held by one:
     * else the tab gathered from them would lack the parts nobody holds yet.
     */
    private static List<URI> others(KafkaStreams streams, HostInfo self, StoreCoverage coverage) {
        Collection<StreamsMetadata> instances = streams.streamsMetadataForStore(MissedCallsTopology.STATE_STORE);
        coverage.check(instances);
        List<URI> uris = new ArrayList<>();
        for (StreamsMetadata instance : instances) {
            HostInfo host = instance.hostInfo();
            if (!host.equals(self)) {
                uris.add(URI.create("http://" + host.host() + ":" + host.port()));
            }
        }
        return uris;
    }
}
