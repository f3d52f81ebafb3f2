package io.github.missedcalls.examples.web;

import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.HandleResult;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportCsv;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.UnprocessedRow;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks and records the page's Handle requests (R11), so that every refusal is a sentence the
 * page can show and nothing is stored twice:
 *
 * <ol>
 *   <li>an unknown reason, a blank name, or a blank note for {@code other} is refused (400);
 *   <li>a withheld number or one that cannot be normalized is refused (400);
 *   <li>a client without an unprocessed group is refused: "already resolved" with how, when and
 *       by whom where the client has a processed group (409), "no missed calls" otherwise (404);
 *   <li>when the page says which group it showed (by its last missed call) and the open group
 *       ends with another call (that group was resolved and a new one opened, or the client
 *       called again), the handle is refused (409): the manager decided about other calls than
 *       those now open;
 *   <li>otherwise {@link MissedCalls#handle} stores the handle.
 * </ol>
 *
 * <p>Handles are made one at a time, so two clicks on the same row store one handle and refuse
 * the other as already resolved. That holds within one server; instances that share a
 * database are kept apart by the store's key only.
 */
final class HandleDesk {

    /** Longer notes are refused: the note is a sentence, not a document. */
    static final int MAX_NOTE = 2_000;
    /** The handles table's actor column holds 200; names are far shorter. */
    static final int MAX_ACTOR = 100;

    /**
     * What the page sends.
     *
     * @param project the project
     * @param client the client number as the row shows it
     * @param reason a {@link HandleReason} token
     * @param note required for {@code other}
     * @param actor who handles it
     * @param seenLastMissedAt the last missed call of the row the page showed, as the API wrote it; optional
     * @param window the range the page showed, where the row's group is looked for
     */
    record Request(
            WebProject project,
            @Nullable String client,
            @Nullable String reason,
            @Nullable String note,
            @Nullable String actor,
            @Nullable String seenLastMissedAt,
            ReportWindow window) {}

    private final MissedCalls missedCalls;
    private final Clock clock;
    private final Object oneAtATime = new Object();

    HandleDesk(MissedCalls missedCalls, Clock clock) {
        this.missedCalls = missedCalls;
        this.clock = clock;
    }

    /**
     * Checks and stores one handle.
     *
     * @throws ApiException if the request is refused; nothing is then stored
     */
    Handle handle(Request request) {
        HandleReason reason = reason(request.reason());
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        if (reason == HandleReason.OTHER && note == null) {
            throw ApiException.badRequest("a note is required for another variant (Other)");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiException.badRequest("the note is longer than " + MAX_NOTE + " characters");
        }
        String actor = request.actor() == null ? "" : request.actor().strip();
        if (actor.isEmpty()) {
            throw ApiException.badRequest("your name is required: it is recorded with the handle");
        }
        if (actor.length() > MAX_ACTOR) {
            throw ApiException.badRequest("the name is longer than " + MAX_ACTOR + " characters");
        }
        String projectId = request.project().id();
        String client = normalized(request.project(), request.client());
        synchronized (oneAtATime) {
            // The page's range, not the default month: the oldest rows of the default view begin at
            // 00:00 a month ago, before "a month up to now" starts.
            ReportQuery shown = request.window().query(projectId, clock.instant());
            Report report = missedCalls.report(shown);
            UnprocessedRow open = report.unprocessed().stream()
                    .filter(row -> row.client().equals(client))
                    .findFirst()
                    .orElseThrow(() -> notOpen(report, client));
            checkSeen(request, open, report.zone());
            HandleResult result = missedCalls.handle(shown, client, reason, note, actor);
            return result.stored()
                    .orElseThrow(() -> ApiException.conflict(client + " was resolved a moment ago; reload"));
        }
    }

    private static HandleReason reason(@Nullable String token) {
        return HandleReason.fromToken(String.valueOf(token))
                .orElseThrow(() -> ApiException.badRequest("unknown reason " + ApiException.shown(token) + "; one of "
                        + Arrays.stream(HandleReason.values())
                                .map(HandleReason::token)
                                .collect(Collectors.joining(", "))));
    }

    private static String normalized(WebProject project, @Nullable String client) {
        if (client == null || client.isBlank()) {
            throw ApiException.badRequest("no client number");
        }
        String number;
        try {
            number = project.settings().normalizer().normalize(client);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("not a client number: " + ApiException.shown(client));
        }
        if (number == null) {
            throw ApiException.badRequest("a withheld number cannot be handled");
        }
        return number;
    }

    private static ApiException notOpen(Report report, String client) {
        Optional<ProcessedRow> resolved = report.processed().stream()
                .filter(row -> row.client().equals(client))
                .findFirst();
        if (resolved.isEmpty()) {
            return ApiException.notFound("no missed calls from " + client + " in the range shown");
        }
        var resolution = resolved.get().resolution();
        String by = resolution.resolvedBy() == null ? "" : " by " + resolution.resolvedBy();
        return ApiException.conflict(
                client + " is already resolved (" + resolution.kind().token().replace('_', ' ') + by + " at "
                        + ReportCsv.formatTime(resolution.resolvedAt(), report.zone()) + ")");
    }

    private static void checkSeen(Request request, UnprocessedRow open, ZoneId zone) {
        String last = request.seenLastMissedAt();
        if (last != null && !last.equals(ReportCsv.formatTime(open.lastMissedAt(), zone))) {
            throw ApiException.conflict("the missed calls of " + open.client()
                    + " changed since the page was loaded (resolved, or called again); reload and look again");
        }
    }
}
