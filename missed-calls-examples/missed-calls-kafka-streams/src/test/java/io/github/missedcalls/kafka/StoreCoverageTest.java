package io.github.missedcalls.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.internals.StreamsMetadataImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The store's coverage by the instances the metadata names")
class StoreCoverageTest {

    private static final String TOPIC = StoreCoverage.byClientTopic("acme-app");

    private static StreamsMetadata instance(int port, Set<TopicPartition> active, Set<TopicPartition> standby) {
        return new StreamsMetadataImpl(
                new HostInfo("127.0.0.1", port),
                Set.of(MissedCallsTopology.STATE_STORE),
                active,
                Set.of(MissedCallsTopology.STATE_STORE),
                standby);
    }

    private static TopicPartition by(int partition) {
        return new TopicPartition(TOPIC, partition);
    }

    @Test
    @DisplayName("names the by-client repartition topic as Kafka Streams does")
    void topicName() {
        assertThat(TOPIC).isEqualTo("acme-app-by-client-repartition");
    }

    @Test
    @DisplayName("is whole when the instances hold every partition between them")
    void whole() {
        assertThat(StoreCoverage.missing(
                        List.of(
                                instance(1, Set.of(by(0), by(2)), Set.of()),
                                instance(2, Set.of(by(1), by(3)), Set.of())),
                        TOPIC,
                        4))
                .isEmpty();
    }

    @Test
    @DisplayName(
            "names the partitions of a dead instance that nobody holds yet, though a standby or another topic has them")
    void partsOfADeadInstance() {
        StreamsMetadata survivor =
                instance(2, Set.of(by(1), by(3), new TopicPartition("acme.calls", 0)), Set.of(by(0), by(2)));
        assertThat(StoreCoverage.missing(List.of(survivor), TOPIC, 4)).containsExactly(0, 2);
        assertThat(StoreCoverage.missing(List.of(), TOPIC, 2)).containsExactly(0, 1);
    }
}
