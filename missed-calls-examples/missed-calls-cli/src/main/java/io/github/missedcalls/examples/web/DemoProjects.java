package io.github.missedcalls.examples.web;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.WorkflowSettings;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.jdbc.JdbcCallSource;
import io.github.missedcalls.jdbc.JdbcCallWriter;
import io.github.missedcalls.spi.HandleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The projects the page shows when nothing else is configured: three sales lines in three zones,
 * each a generated month of calls up to now ({@link MonthGenerator}, seeded), so that the
 * project selector has something to switch between and one project's calls are never another's.
 * The same client numbers occur in every project, on purpose: a handle in one must change
 * nothing in another.
 */
public final class DemoProjects {

    /**
     * As in the {@code demo} command: a conversation this short did not reach the client, so that
     * SHORT_CONVERSATION happens (R9). With the same seed, zone and size, the first project is the
     * month that command shows.
     */
    static final Duration MIN_CONVERSATION = Duration.ofSeconds(20);

    /**
     * R14 and R16 as a sales team would start: two business hours to call back, owners by R16's
     * order. The {@code demo} command and the page's projects work their reports by it.
     */
    public static final WorkflowSettings WORKFLOW = WorkflowSettings.builder()
            .deadline(Duration.ofHours(2))
            .ownerChain(WorkflowSettings.DEFAULT_OWNER_CHAIN)
            .build();

    /** Calls a month in the first project by default: the generator's realistic sales line. */
    public static final long DEFAULT_CALLS = 60_000;

    /**
     * One demo project and the month it is filled with.
     *
     * @param project what the page shows
     * @param generator its calls and handles
     */
    public record DemoProject(WebProject project, MonthGenerator generator) {}

    private DemoProjects() {}

    /**
     * The demo projects, their months ending at the clock's now.
     *
     * @param clock what "now" is
     * @param mainCalls about how many calls the first project's month has; the other two have a
     *     quarter and an eighth of it
     * @throws IllegalArgumentException if {@code mainCalls} is below 100
     */
    public static List<DemoProject> of(Clock clock, long mainCalls) {
        if (mainCalls < 100) {
            throw new IllegalArgumentException("a demo month has at least 100 calls: " + mainCalls);
        }
        Instant now = clock.instant();
        return List.of(
                project("kyiv", "Kyiv sales", ZoneId.of("Europe/Kyiv"), 20261127L, mainCalls, now),
                project("lisbon", "Lisbon sales", ZoneId.of("Europe/Lisbon"), 7L, mainCalls / 4, now),
                project("toronto", "Toronto sales", ZoneId.of("America/Toronto"), 11L, mainCalls / 8, now));
    }

    private static DemoProject project(String id, String name, ZoneId zone, long seed, long calls, Instant now) {
        MonthGenerator generator = month(zone, seed, calls, now);
        ProjectSettings settings = ProjectSettings.builder()
                .zone(zone)
                .businessHours(generator.businessHours())
                .countryCode(generator.countryCode())
                .minConversation(MIN_CONVERSATION)
                .workflow(WORKFLOW)
                .build();
        return new DemoProject(new WebProject(id, name, settings), generator);
    }

    /**
     * The month of a demo project: 31 days up to now. The {@code demo} command makes its month
     * here too, so that with the same seed and size it reports what the page shows.
     *
     * @param seed the same seed gives the same month
     * @param calls about how many calls the month has
     */
    public static MonthGenerator month(ZoneId zone, long seed, long calls, Instant now) {
        int days = 31;
        return MonthGenerator.builder()
                .seed(seed)
                .zone(zone)
                .firstDay(LocalDate.ofInstant(now, zone).minusDays(days - 1))
                .days(days)
                .until(now)
                .approximateCalls(calls)
                .clients((int) Math.max(200, Math.min(20_000, calls / 3)))
                .build();
    }

    /** The projects of a list of demo projects. */
    public static List<WebProject> projects(List<DemoProject> demo) {
        List<WebProject> projects = new ArrayList<>();
        for (DemoProject project : demo) {
            projects.add(project.project());
        }
        return projects;
    }

    /**
     * Writes each demo project's month into the library's own tables, unless the project already
     * has calls there (a database filled by an earlier run is left as it is).
     *
     * @return how many calls were written
     * @throws io.github.missedcalls.StorageException if the database fails
     */
    public static long fill(DataSource dataSource, HandleStore handles, List<DemoProject> demo) {
        JdbcCallSource source = JdbcCallSource.ownTable(dataSource);
        JdbcCallWriter writer = new JdbcCallWriter(dataSource);
        long written = 0;
        for (DemoProject project : demo) {
            String id = project.project().id();
            if (hasCalls(source, id)) {
                continue;
            }
            try (JdbcCallWriter.Batch batch = writer.open(id)) {
                project.generator().generate(new MonthGenerator.Sink() {
                    @Override
                    public void call(CallRecord call) {
                        batch.add(call);
                    }

                    @Override
                    public void handle(Handle handle) {
                        handles.save(id, handle);
                    }
                });
                written += batch.count();
            }
        }
        return written;
    }

    private static boolean hasCalls(JdbcCallSource source, String project) {
        try (Stream<CallRecord> calls =
                source.calls(project, Instant.EPOCH, Instant.now().plusSeconds(86_400L * 365), rejection -> {})) {
            return calls.findAny().isPresent();
        }
    }
}
