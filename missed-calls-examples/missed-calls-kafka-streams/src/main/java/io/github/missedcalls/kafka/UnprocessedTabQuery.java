package io.github.missedcalls.kafka;

import io.github.missedcalls.Report;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.live.ClientState;
import io.github.missedcalls.live.ClientTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a project's unprocessed tab from the tracker's state store (an interactive query).
 *
 * <p>A project's clients are spread over every partition (the key is project and client), so
 * one instance holds part of the tab: {@link #localRows} reads that part, and a caller that
 * wants the whole tab asks every instance ({@code KafkaStreams#metadataForAllStreamsClients})
 * and joins the parts with {@link #merge}. Costs time in proportion to the project's clients
 * with state on the instance.
 */
public final class UnprocessedTabQuery {

    private final ProjectTrackers trackers;

    UnprocessedTabQuery(ProjectTrackers trackers) {
        this.trackers = trackers;
    }

    /**
     * The rows of {@code project} in a store, in the tab's order ({@link Report#UNPROCESSED_ORDER}).
     *
     * @param store the tracker's state store, or a view of it
     * @param asOf the instant {@link UnprocessedRow#waiting()} is measured to
     */
    public List<UnprocessedRow> rows(
            ReadOnlyKeyValueStore<ClientKey, ClientState> store, String project, Instant asOf) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(asOf, "asOf");
        ClientTracker tracker = trackers.of(project);
        List<UnprocessedRow> rows = new ArrayList<>();
        try (KeyValueIterator<ClientKey, ClientState> states =
                store.prefixScan(ClientKey.prefixOf(project), new StringSerializer())) {
            while (states.hasNext()) {
                KeyValue<ClientKey, ClientState> entry = states.next();
                // The prefix "a<TAB>" also matches a project named "a<TAB>b".
                if (entry.key.project().equals(project)) {
                    UnprocessedRow row = tracker.openRow(entry.value, asOf);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
        }
        rows.sort(Report.UNPROCESSED_ORDER);
        return rows;
    }

    /**
     * The rows of {@code project} held by this instance's tasks, in the tab's order. Each
     * partition the group assigned to this instance is read on its own: a task that has just
     * moved here and is still restoring its store makes the read fail rather than leave its
     * clients out, which a read of the whole store would do without a word.
     *
     * @param self this instance's {@code application.server}
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the instance is
     *     not running, is rebalancing, or still restores a partition; ask again later
     */
    public List<UnprocessedRow> localRows(KafkaStreams streams, HostInfo self, String project, Instant asOf) {
        Set<Integer> partitions = new TreeSet<>();
        for (StreamsMetadata instance : streams.streamsMetadataForStore(MissedCallsTopology.STATE_STORE)) {
            if (instance.hostInfo().equals(self)) {
                instance.topicPartitions().forEach(partition -> partitions.add(partition.partition()));
            }
        }
        List<List<UnprocessedRow>> parts = new ArrayList<>();
        for (int partition : partitions) {
            parts.add(rows(
                    streams.store(StoreQueryParameters.fromNameAndType(
                                    MissedCallsTopology.STATE_STORE,
                                    QueryableStoreTypes.<ClientKey, ClientState>keyValueStore())
                            .withPartition(partition)),
                    project,
                    asOf));
        }
        return merge(parts);
    }

    /** Joins the parts of a tab that several instances returned into one tab, in its order. */
    public static List<UnprocessedRow> merge(Collection<? extends List<UnprocessedRow>> parts) {
        List<UnprocessedRow> rows = new ArrayList<>();
        parts.forEach(rows::addAll);
        rows.sort(Report.UNPROCESSED_ORDER);
        return rows;
    }

    /** Missed calls without a client number of {@code project} counted in a store (R4). */
    public static long anonymousMissed(ReadOnlyKeyValueStore<String, Long> counts, String project) {
        Long count = counts.get(project);
        return count == null ? 0 : count;
    }
}
