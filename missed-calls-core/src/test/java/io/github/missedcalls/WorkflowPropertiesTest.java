package io.github.missedcalls;

import static io.github.missedcalls.Scenario.canonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.missedcalls.tck.Generators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@DisplayName("Properties of R14 to R18, over generated calls and handles")
class WorkflowPropertiesTest {

    /** Workflows that use every setting: deadlines in both clocks, per-line rules, every owner rule. */
    private static final List<WorkflowSettings> WORKFLOWS = List.of(
            WorkflowSettings.builder()
                    .deadline(Duration.ofHours(2))
                    .ownerChain(WorkflowSettings.DEFAULT_OWNER_CHAIN)
                    .line("+380441112233", new LineRules(Duration.ZERO, "dmytro"))
                    .build(),
            WorkflowSettings.builder()
                    .deadline(Duration.ofMinutes(45))
                    .clock(DeadlineClock.CALENDAR)
                    .ownerChain(List.of(OwnerRule.LINE_OWNER, OwnerRule.LAST_ATTEMPT))
                    .line("+380442223300", new LineRules(null, "yana"))
                    .build(),
            WorkflowSettings.builder()
                    .ownerChain(List.of(OwnerRule.LAST_REACHED))
                    .ownerLookBack(Duration.ofHours(6))
                    .build());

    /** Generated scenarios under one of {@link #WORKFLOWS}. */
    private static Gen<Scenario> withWorkflows() {
        return Scenario.scenarios()
                .zip(
                        Generate.pick(WORKFLOWS),
                        (scenario, workflow) -> new Scenario(
                                ProjectSettings.builder()
                                        .countryCode(Generators.COUNTRY_CODE)
                                        .zone(scenario.settings().zone())
                                        .businessHours(scenario.settings().businessHours())
                                        .minConversation(scenario.settings().minConversation())
                                        .shortAbandon(scenario.settings().shortAbandon())
                                        .reasonOrder(scenario.settings().reasonOrder())
                                        .workflow(workflow)
                                        .build(),
                                scenario.from(),
                                scenario.to(),
                                scenario.asOf(),
                                scenario.calls(),
                                scenario.handles()));
    }

    /** The same report with R14 and R16's fields left empty. */
    private static Report withoutWorkflow(Report report) {
        List<UnprocessedRow> unprocessed = new ArrayList<>();
        report.unprocessed()
                .forEach(row -> unprocessed.add(
                        new UnprocessedRow(row.client(), row.calls(), row.callbackAttempts(), row.waiting())));
        List<ProcessedRow> processed = new ArrayList<>();
        report.processed()
                .forEach(row -> processed.add(
                        new ProcessedRow(row.client(), row.calls(), row.callbackAttempts(), row.resolution())));
        return report.withTabs(unprocessed, processed);
    }

    private static Scenario withSettings(Scenario scenario, WorkflowSettings workflow) {
        ProjectSettings settings = scenario.settings();
        return new Scenario(
                new ProjectSettings(
                        settings.zone(),
                        settings.businessHours(),
                        settings.normalizer(),
                        settings.shortAbandon(),
                        settings.minConversation(),
                        settings.reasonOrder(),
                        workflow),
                scenario.from(),
                scenario.to(),
                scenario.asOf(),
                scenario.calls(),
                scenario.handles());
    }

    @Test
    @DisplayName("R14 to R17: without workflow settings no row has a due or an owner")
    void defaultsChangeNothing() {
        Generators.theory().forAll(Scenario.scenarios()).checkAssert(scenario -> {
            Report report = scenario.report();

            assertThat(report).isEqualTo(withoutWorkflow(report));
            assertThat(report.unprocessed()).noneMatch(UnprocessedRow::overdue);
            assertThat(report.processed()).allMatch(row -> row.timeliness() == Timeliness.NO_DEADLINE);
        });
    }

    @Test
    @DisplayName("R14, R16: deadlines and owners add fields and change nothing else in any row")
    void workflowOnlyAdds() {
        Generators.theory().forAll(withWorkflows()).checkAssert(scenario -> {
            Report worked = scenario.report();
            Report plain = withSettings(scenario, WorkflowSettings.none()).report();

            assertThat(withoutWorkflow(worked)).isEqualTo(plain);
        });
    }

    @Test
    @DisplayName("R12, R15: due, owner and priority do not depend on the order the records came in")
    void priorityIsOrderIndependent() {
        Generators.theory().forAll(withWorkflows(), longs().all()).checkAssert((scenario, seed) -> {
            List<CallRecord> shuffled = new ArrayList<>(scenario.calls());
            Collections.shuffle(shuffled, new Random(seed));
            Report ordered = scenario.report();
            Report unordered = scenario.withCalls(shuffled).report();

            assertThat(canonical(unordered)).isEqualTo(canonical(ordered));
            assertThat(priorities(unordered)).isEqualTo(priorities(ordered));
        });
    }

    private static Map<String, Priority> priorities(Report report) {
        Map<String, Priority> byClient = new TreeMap<>();
        report.unprocessed().forEach(row -> byClient.put(row.client(), row.priority()));
        return byClient;
    }

    @Test
    @DisplayName("R17: groups per line hold exactly the missed calls that groups per client hold, each once")
    void perLineGroupsPartitionTheSameCalls() {
        Generators.theory().forAll(Scenario.scenarios()).checkAssert(scenario -> {
            Report perClient = scenario.report();
            Report perLine = withSettings(
                            scenario,
                            WorkflowSettings.builder().groupsPerLine(true).build())
                    .report();

            assertThat(missedIds(perLine))
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(missedIds(perClient));
            assertThat(rowsOf(perLine))
                    .allSatisfy(row -> assertThat(row.calls().stream()
                                    .map(call -> String.valueOf(call.line()))
                                    .distinct())
                            .as("one line per group")
                            .hasSize(1));
            assertThat(perLine.rejections()).containsExactlyInAnyOrderElementsOf(perClient.rejections());
        });
    }

    private static List<ReportRow> rowsOf(Report report) {
        List<ReportRow> rows = new ArrayList<>(report.unprocessed());
        rows.addAll(report.processed());
        return rows;
    }

    private static List<String> missedIds(Report report) {
        List<String> ids = new ArrayList<>();
        rowsOf(report).forEach(row -> row.calls().forEach(call -> ids.add(call.id())));
        return ids;
    }

    @Test
    @DisplayName("R18: the team's totals are the sums of the tabs' rows: groups, resolutions, attempts, missed calls")
    void teamTotalsAreTheRowsSums() {
        Generators.theory().forAll(withWorkflows()).checkAssert(scenario -> {
            Report report = scenario.report();
            TeamFigures.Figures total = report.team().total();
            List<ReportRow> rows = new ArrayList<>(report.unprocessed());
            rows.addAll(report.processed());

            assertThat(total.groupsOpened()).isEqualTo(rows.size());
            assertThat(total.missedCalls()).isEqualTo(report.missedInRows());
            assertThat(total.attempts())
                    .isEqualTo(rows.stream().mapToLong(ReportRow::attempts).sum());
            assertThat(total.attemptsReached())
                    .isEqualTo(rows.stream()
                            .flatMap(row -> row.callbackAttempts().stream())
                            .filter(CallbackAttempt::reached)
                            .count());
            assertThat(total.resolved()).isEqualTo(report.processed().size());
            assertThat(total.open()).isEqualTo(report.unprocessed().size());
            assertThat(total.overdue())
                    .isEqualTo(report.unprocessed().stream()
                            .filter(UnprocessedRow::overdue)
                            .count());
            assertThat(total.handled())
                    .isEqualTo(report.processed().stream()
                            .filter(row -> row.resolution().kind() == ResolutionKind.HANDLED)
                            .count());
            long credited = report.team().byEmployee().values().stream()
                    .mapToLong(TeamFigures.Figures::gotThrough)
                    .sum();
            assertThat(credited).as("getting through is credited to nobody").isZero();
        });
    }

    @Test
    @DisplayName("R18: a streamed report's tally gives the figures of the collected report")
    void tallyOfAStreamEqualsTheReport() {
        Generators.theory().forAll(withWorkflows()).checkAssert(scenario -> {
            TeamFigures.Tally tally = new TeamFigures.Tally();
            MissedCalls.builder()
                    .callSource(ListCallSource.everything(scenario.calls()))
                    .handleStore(new ListHandleStore(scenario.handles()))
                    .settings(scenario.settings())
                    .build()
                    .report(scenario.query(), tally);

            assertThat(tally.figures()).isEqualTo(scenario.report().team());
        });
    }
}
