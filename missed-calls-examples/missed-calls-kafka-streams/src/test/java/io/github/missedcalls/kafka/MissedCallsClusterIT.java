package io.github.missedcalls.kafka;

import static io.github.missedcalls.kafka.EventFoldTest.groups;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.Report;
import io.github.missedcalls.UnprocessedRow;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as it is deployed: the shaded jar in JVMs of its own, against a KRaft broker,
 * with transactions, a repartition topic on disk, rebalances and changelog restores. Each test
 * judges what comes out of the events and rejections topics by {@link EventFold}, which catches
 * an event told twice or lost, and by the batch report of the same month, row for row.
 */
@DisplayName("The streams application on a real KRaft broker")
class MissedCallsClusterIT {

    private static final String EXACTLY_ONCE = "exactly_once_v2";
    private static final Duration SETTLE = Duration.ofMinutes(2);
    /** One bad record among this many, so that every stretch of the month has rejections to lose or double. */
    private static final int BAD_EVERY = 97;

    private static final Months ACME = Months.month(41, 4_000);
    private static final Months GLOBEX = Months.month(43, 2_500);

    private static KafkaCluster cluster;

    @TempDir
    Path folder;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = KafkaCluster.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    /** What a deployment was sent: the records of each project in the order sent, and the bad ones. */
    private static final class Traffic {
        final List<Map.Entry<String, Object>> records = new ArrayList<>();
        final List<String> badIds = new ArrayList<>();
        private final Map<String, Months> months = new TreeMap<>();

        Traffic(Map<String, Months> projects) {
            months.putAll(projects);
            List<Map.Entry<String, Object>> all = new ArrayList<>();
            projects.forEach(
                    (project, month) -> month.inOrder().forEach(record -> all.add(Map.entry(project, record))));
            // One time line, as the PBXs of several projects produce it.
            all.sort(Comparator.comparing(entry -> instant(entry.getValue())));
            records.addAll(all);
        }

        /** Sends records [from, to) of the time line, with a bad record after every {@link #BAD_EVERY}th. */
        void send(Deployment deployment, int from, int to, Duration pause) throws InterruptedException {
            for (int i = from; i < to; i++) {
                Map.Entry<String, Object> entry = records.get(i);
                deployment.send(entry.getKey(), entry.getValue());
                if (i % BAD_EVERY == 0) {
                    badIds.add(deployment.sendBad(entry.getKey(), instant(entry.getValue())));
                }
                if (!pause.isZero() && i % 100 == 0) {
                    deployment.flush();
                    Thread.sleep(pause.toMillis());
                }
            }
            deployment.flush();
        }

        int size() {
            return records.size();
        }

        /** Whether the events folded so far and the rejections are those of the batch reports. */
        boolean matches(Deployment deployment) {
            if (deployment.rejections().size() < badIds.size()) {
                return false;
            }
            return deployment.read(fold -> months.entrySet().stream().allMatch(entry -> {
                Report batch = entry.getValue().report(entry.getKey());
                return groups(fold.unprocessed(entry.getKey())).equals(groups(batch.unprocessed()))
                        && new HashSet<>(fold.processed(entry.getKey())).equals(new HashSet<>(batch.processed()));
            }));
        }

        /** What the events folded so far lack or have too much of, for a failure's message. */
        String difference(Deployment deployment) {
            StringBuilder text = new StringBuilder();
            deployment.read(fold -> {
                months.forEach((project, month) -> {
                    Report batch = month.report(project);
                    Set<List<Object>> open = groups(fold.unprocessed(project));
                    Set<List<Object>> expected = groups(batch.unprocessed());
                    Set<?> processed = new HashSet<>(fold.processed(project));
                    Set<?> expectedProcessed = new HashSet<>(batch.processed());
                    text.append(String.format(
                            "%s: unprocessed %d missing, %d extra; processed %d missing, %d extra. ",
                            project,
                            expected.stream().filter(row -> !open.contains(row)).count(),
                            open.stream().filter(row -> !expected.contains(row)).count(),
                            expectedProcessed.stream()
                                    .filter(row -> !processed.contains(row))
                                    .count(),
                            processed.stream()
                                    .filter(row -> !expectedProcessed.contains(row))
                                    .count()));
                });
                text.append(fold.folded()).append(" events, violations ").append(fold.violations());
                return null;
            });
            Set<String> others = new TreeSet<>();
            deployment.rejections().stream()
                    .filter(rejection -> !badIds.contains(rejection.id()))
                    .limit(5)
                    .forEach(rejection ->
                            others.add(rejection.project() + " " + rejection.id() + ": " + rejection.reason()));
            return text + "; rejections " + deployment.rejections().size() + " of " + badIds.size() + ", others "
                    + others;
        }

        /** Everything the deployment told equals the batch reports, no event is doubled or lost, each bad record is rejected once. */
        void assertSameAsBatch(Deployment deployment) {
            deployment.read(fold -> {
                assertThat(fold.violations())
                        .as("events that do not follow from those before")
                        .isEmpty();
                months.forEach((project, month) -> {
                    Report batch = month.report(project);
                    assertThat(batch.unprocessed()).isNotEmpty();
                    assertThat(batch.processed()).isNotEmpty();
                    assertThat(groups(fold.unprocessed(project)))
                            .as("%s's unprocessed tab folded from the events", project)
                            .isEqualTo(groups(batch.unprocessed()));
                    assertThat(new HashSet<>(fold.processed(project)))
                            .as("%s's processed tab folded from the events", project)
                            .isEqualTo(new HashSet<>(batch.processed()));
                });
                return null;
            });
            assertThat(deployment.rejections())
                    .as("each bad record rejected exactly once, with its reason")
                    .allSatisfy(rejection -> assertThat(rejection.reason()).contains("sideways"))
                    .extracting(RejectionMessage::id)
                    .containsExactlyInAnyOrderElementsOf(badIds);
        }
    }

    private static Instant instant(Object record) {
        return record instanceof CallRecord call ? call.startedAt() : ((Handle) record).handledAt();
    }

    private Deployment deployment(String name) throws Exception {
        return new Deployment(cluster, folder, name, EXACTLY_ONCE);
    }

    @Test
    @DisplayName("R8, R12: two exactly-once instances fold into the batch report of the month, row for row")
    void twoInstancesEqualTheBatchReport() throws Exception {
        Traffic traffic = new Traffic(Map.of("acme", ACME));
        try (Deployment deployment = deployment("two-instances")) {
            List<AppInstance> instances = startTwo(deployment);
            AppInstance first = instances.get(0);
            AppInstance second = instances.get(1);

            traffic.send(deployment, 0, traffic.size(), Duration.ZERO);
            deployment.awaitSettled(() -> traffic.matches(deployment), () -> traffic.difference(deployment), SETTLE);

            traffic.assertSameAsBatch(deployment);
            assertThat(deployment.awaitTab(second, "acme", ACME.asOf(), AppInstance.STARTUP))
                    .as("the tab gathered from both instances")
                    .isEqualTo(ACME.report("acme").unprocessed());
        }
    }

    @Test
    @DisplayName("an instance killed in the middle of the month: nothing lost, nothing doubled, no rejection lost")
    void killedInstanceLosesAndDoublesNothing() throws Exception {
        Traffic traffic = new Traffic(Map.of("acme", ACME));
        try (Deployment deployment = deployment("killed-instance")) {
            List<AppInstance> instances = startTwo(deployment);
            AppInstance first = instances.get(0);
            AppInstance second = instances.get(1);

            int half = traffic.size() / 2;
            traffic.send(deployment, 0, half, Duration.ZERO);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    // Paced over a few seconds, so the kill lands while both instances are busy.
                    traffic.send(deployment, half, traffic.size(), Duration.ofMillis(60));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_500);
            int toldBeforeKill = deployment.read(EventFold::folded);
            first.kill();
            // The second instance takes the killed one's tasks once its session times out.
            Thread.sleep(8_000);
            first.restart();
            sent.join();
            deployment.awaitSettled(() -> traffic.matches(deployment), () -> traffic.difference(deployment), SETTLE);

            assertThat(toldBeforeKill).as("events told before the kill").isPositive();
            assertThat(deployment.read(EventFold::folded))
                    .as("events told after the kill")
                    .isGreaterThan(toldBeforeKill);
            traffic.assertSameAsBatch(deployment);
            assertThat(deployment.awaitTab(first, "acme", ACME.asOf(), AppInstance.STARTUP))
                    .as("the restarted instance's tab")
                    .isEqualTo(ACME.report("acme").unprocessed());
        }
    }

    @Test
    @DisplayName("the tab answers whole from either instance, or 503, during and after a rebalance")
    void tabDuringRebalance() throws Exception {
        Traffic traffic = new Traffic(Map.of("acme", ACME));
        List<UnprocessedRow> expected = ACME.report("acme").unprocessed();
        try (Deployment deployment = deployment("rebalance")) {
            AppInstance first = deployment.startInstance("first");
            deployment.awaitTab(first, "acme", ACME.asOf(), AppInstance.STARTUP);
            traffic.send(deployment, 0, traffic.size(), Duration.ZERO);
            deployment.awaitSettled(() -> traffic.matches(deployment), () -> traffic.difference(deployment), SETTLE);
            assertThat(deployment.awaitTab(first, "acme", ACME.asOf(), AppInstance.STARTUP))
                    .isEqualTo(expected);

            AppInstance second = deployment.startInstance("second");
            Map<Integer, Integer> statuses = new TreeMap<>();
            Instant deadline = Instant.now().plus(AppInstance.STARTUP);
            int wholeAfterJoin = 0;
            while (wholeAfterJoin < 10 && Instant.now().isBefore(deadline)) {
                for (AppInstance instance : List.of(first, second)) {
                    Deployment.Answer answer = deployment.ask(instance.tab("acme", ACME.asOf()));
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 200) {
                        assertThat(answer.rows())
                                .as("a tab that %s answers while the group rebalances", instance.name())
                                .isEqualTo(expected);
                        if (instance == second) {
                            wholeAfterJoin++;
                        }
                    } else {
                        assertThat(answer.status())
                                .as(
                                        "%s answers the whole tab or asks to be asked again: %s",
                                        instance.name(), answer.body())
                                .isIn(-1, 503);
                    }
                }
                Thread.sleep(50);
            }
            assertThat(wholeAfterJoin)
                    .as("answers of the joined instance, by status %s", statuses)
                    .isEqualTo(10);
            List<UnprocessedRow> secondsPart = deployment
                    .ask(URI.create(second.tab("acme", ACME.asOf()) + "&scope=local"))
                    .rows();
            assertThat(secondsPart)
                    .as("the joined instance holds part of the store, and the tab gathers the rest")
                    .isNotEmpty()
                    .hasSizeLessThan(expected.size());

            first.kill();
            assertThat(deployment.awaitTab(second, "acme", ACME.asOf(), Duration.ofSeconds(60)))
                    .as("the tab after the other instance was killed, restored from the changelog")
                    .isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("two projects on one cluster, sharing client numbers, each fold into their own batch report")
    void projectsStayIsolated() throws Exception {
        Traffic traffic = new Traffic(Map.of("acme", ACME, "globex", GLOBEX));
        try (Deployment deployment = deployment("two-projects")) {
            List<AppInstance> instances = startTwo(deployment);
            AppInstance first = instances.get(0);
            AppInstance second = instances.get(1);

            traffic.send(deployment, 0, traffic.size(), Duration.ZERO);
            deployment.awaitSettled(() -> traffic.matches(deployment), () -> traffic.difference(deployment), SETTLE);

            traffic.assertSameAsBatch(deployment);
            Set<String> shared = clients(ACME.report("acme"));
            shared.retainAll(clients(GLOBEX.report("globex")));
            assertThat(shared)
                    .as("clients with the same number in both projects")
                    .isNotEmpty();
            assertThat(deployment.awaitTab(first, "acme", ACME.asOf(), AppInstance.STARTUP))
                    .isEqualTo(ACME.report("acme").unprocessed());
            assertThat(deployment.awaitTab(first, "globex", GLOBEX.asOf(), AppInstance.STARTUP))
                    .isEqualTo(GLOBEX.report("globex").unprocessed());
        }
    }

    /** Two instances, started and answering: the group has settled before anything is sent. */
    private static List<AppInstance> startTwo(Deployment deployment) throws Exception {
        AppInstance first = deployment.startInstance("first");
        AppInstance second = deployment.startInstance("second");
        deployment.awaitTab(first, "acme", ACME.asOf(), AppInstance.STARTUP);
        deployment.awaitTab(second, "acme", ACME.asOf(), AppInstance.STARTUP);
        return List.of(first, second);
    }

    private static Set<String> clients(Report report) {
        Set<String> clients = new HashSet<>();
        report.unprocessed().forEach(row -> clients.add(row.client()));
        report.processed().forEach(row -> clients.add(row.client()));
        return clients;
    }
}
