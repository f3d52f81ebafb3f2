package io.github.missedcalls.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Whether the instances Kafka Streams' metadata names hold every partition of the tracker's
 * store between them. While a group rebalances after an instance died, the metadata can name
 * the live instances with only the partitions they had, the dead one's not yet given to anyone:
 * a tab gathered then would be whole-looking and short. The store is split like the by-client
 * topic, whose partition count is asked of the cluster once.
 */
final class StoreCoverage implements AutoCloseable {

    private static final Duration ASK_FOR = Duration.ofSeconds(10);

    private final Admin admin;
    private final String topic;
    private volatile int partitions;

    /** @param topic the topic the store is split by: the by-client repartition topic */
    StoreCoverage(Map<String, Object> adminConfig, String topic) {
        this.admin = Admin.create(adminConfig);
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * Throws unless the instances hold every partition of the store.
     *
     * @throws InvalidStateStoreException naming the partitions no instance holds, or when the
     *     cluster does not tell the partition count in time: ask again
     */
    void check(Collection<StreamsMetadata> instances) {
        SortedSet<Integer> missing = missing(instances, topic, partitions());
        if (!missing.isEmpty()) {
            throw new InvalidStateStoreException("partitions " + missing + " of " + topic
                    + " are held by no instance yet (a rebalance is under way); ask again");
        }
    }

    private int partitions() {
        int known = partitions;
        if (known > 0) {
            return known;
        }
        try {
            TopicDescription described = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(ASK_FOR.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
            if (described == null) {
                throw new InvalidStateStoreException(topic + " is not described by the cluster yet; ask again");
            }
            known = described.partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            throw new InvalidStateStoreException("the partitions of " + topic + " are not known yet: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidStateStoreException("interrupted while asking for the partitions of " + topic, e);
        }
        partitions = known;
        return known;
    }

    /** The partitions of {@code topic}, from 0 to {@code partitions - 1}, that no instance holds as active. */
    static SortedSet<Integer> missing(Collection<StreamsMetadata> instances, String topic, int partitions) {
        SortedSet<Integer> missing = new TreeSet<>();
        for (int partition = 0; partition < partitions; partition++) {
            missing.add(partition);
        }
        for (StreamsMetadata instance : instances) {
            for (TopicPartition held : instance.topicPartitions()) {
                if (held.topic().equals(topic)) {
                    missing.remove(held.partition());
                }
            }
        }
        return missing;
    }

    /** The by-client topic of an application: Kafka Streams names a repartition topic so. */
    static String byClientTopic(String applicationId) {
        return applicationId + "-" + MissedCallsTopology.BY_CLIENT + "-repartition";
    }

    @Override
    public void close() {
        admin.close(ASK_FOR);
    }

    @Override
    public String toString() {
        int known = partitions;
        return "StoreCoverage[" + topic + ", " + (known > 0 ? known + " partitions" : "partitions not yet known") + "]";
    }
}
