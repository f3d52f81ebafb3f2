package io.github.missedcalls.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node KRaft cluster (broker and controller in one) in the test's JVM, from Kafka's own
 * test kit: loopback ports chosen at run time, logs in a temporary folder deleted on close.
 * Nothing to install, so a laptop runs the real-broker tests as CI does.
 */
final class KafkaCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final Admin admin;

    private KafkaCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers()));
    }

    static KafkaCluster start() throws Exception {
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        // The kit defaults to the newest metadata version, features not yet
                        // released included; a user's cluster runs a released one.
                        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                        .build())
                // One broker: the internal topics cannot have three replicas.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "4")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "4")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // The tests send fixed months (November 2026) as a backfill. Under the default
                // retention of 7 days by record time, the broker deletes them as soon as the
                // wall clock is a week past the month, in the middle of a test; keep them all.
                .setConfigProp("log.retention.ms", "-1")
                .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            kit.close();
            throw e;
        }
        return new KafkaCluster(kit);
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    Admin admin() {
        return admin;
    }

    void createTopics(int partitions, String... names) throws InterruptedException, ExecutionException {
        admin.createTopics(List.of(names).stream()
                        .map(name -> new NewTopic(name, partitions, (short) 1).configs(Map.of("retention.ms", "-1")))
                        .toList())
                .all()
                .get();
    }

    @Override
    @SuppressWarnings(
            "InterruptedExceptionSwallowed") // The kit's close throws Exception; the tests' teardown takes it.
    public void close() throws Exception {
        admin.close();
        kit.close();
    }
}
