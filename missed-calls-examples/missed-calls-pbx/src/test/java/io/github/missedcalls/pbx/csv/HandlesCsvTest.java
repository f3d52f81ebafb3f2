package io.github.missedcalls.pbx.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.DefaultNumberNormalizer;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.NumberNormalizer;
import io.github.missedcalls.Rejection;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HandlesCsv reads manual handles (R11, docs/call-log-csv.md)")
class HandlesCsvTest {

    private static final NumberNormalizer UKRAINE = DefaultNumberNormalizer.forCountry("380", "0");

    static HandlesCsv.Result read(String text) {
        return HandlesCsv.read(new StringReader(text), "handles.csv", UKRAINE);
    }

    @Test
    @DisplayName(
            "a valid row becomes a handle with its client number normalized; reasons in any case; the note is kept")
    void validRow() {
        HandlesCsv.Result result = read("""
        actor,Handled_At,client,reason,covers_until,note
        anna,2026-11-10T11:00:00+02:00,050 111 00 01,Wrong_Number,2026-11-10T10:00:00+02:00,typo in the ad
        """);

        assertThat(result.rejections()).isEmpty();
        assertThat(result.handles())
                .containsExactly(new Handle(
                        "+380501110001",
                        Instant.parse("2026-11-10T09:00:00Z"),
                        Instant.parse("2026-11-10T08:00:00Z"),
                        HandleReason.WRONG_NUMBER,
                        "typo in the ad",
                        "anna"));
    }

    @Test
    @DisplayName("rows that break the rules are rejected with their line; the rest are read (R2, R11)")
    void rejections() {
        HandlesCsv.Result result = read("""
        client,covers_until,reason,note,actor,handled_at
        ,2026-11-10T10:00:00Z,spam,,anna,2026-11-10T11:00:00Z
        0501110001,,spam,,anna,2026-11-10T11:00:00Z
        0501110001,2026-11-10T10:00:00Z,,,anna,2026-11-10T11:00:00Z
        0501110001,2026-11-10T10:00:00Z,rude,,anna,2026-11-10T11:00:00Z
        0501110001,2026-11-10T10:00:00Z,other,  ,anna,2026-11-10T11:00:00Z
        0501110001,2026-11-10T10:00:00Z,spam,,,2026-11-10T11:00:00Z
        0501110001,2026-11-10T10:00:00Z,spam,,anna,
        0501110001,2026-11-10T10:00:00Z,spam,,anna,2026-11-10
        private,2026-11-10T10:00:00Z,spam,,anna,2026-11-10T11:00:00Z
        05O1110001,2026-11-10T10:00:00Z,spam,,anna,2026-11-10T11:00:00Z
        0501110001,2026-11-10T10:00:00Z,other,called back from a mobile,anna,2026-11-10T11:00:00Z
        """);

        assertThat(result.rejections())
                .extracting(Rejection::toString)
                .containsExactly(
                        "rejected handles line 2: no client",
                        "rejected handles line 3: no covers_until",
                        "rejected handles line 4: no reason",
                        "rejected handles line 5: unknown reason 'rude'",
                        "rejected handles line 6: blank note for other",
                        "rejected handles line 7: no actor",
                        "rejected handles line 8: no handled_at",
                        "rejected handles line 9: handled_at is not a date-time with an offset (2026-11-02T09:15:03+02:00):"
                                + " '2026-11-10'",
                        "rejected handles line 10: withheld client number: 'private'",
                        "rejected handles line 11: client number cannot be normalized: 05O1110001");
        assertThat(result.handles()).singleElement().extracting(Handle::note).isEqualTo("called back from a mobile");
    }

    @Test
    @DisplayName("equal copies of a handle count once; copies with one key and other values are all rejected (R2)")
    void duplicates() {
        HandlesCsv.Result result = read("""
        client,covers_until,reason,note,actor,handled_at
        0501110001,2026-11-10T10:00:00Z,spam,,anna,2026-11-10T11:00:00Z
        +380 50 111 00 01,2026-11-10T12:00:00+02:00,SPAM,,anna,2026-11-10T13:00:00+02:00
        0501110002,2026-11-10T10:00:00Z,spam,,anna,2026-11-10T11:00:00Z
        0501110002,2026-11-10T10:00:00Z,duplicate,,anna,2026-11-10T11:00:00Z
        0501110002,2026-11-10T10:00:00Z,spam,,anna,2026-11-10T11:00:00Z
        0501110002,2026-11-10T10:00:00Z,spam,,boris,2026-11-10T11:00:00Z
        """);

        assertThat(result.handles())
                .extracting(Handle::client, Handle::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("+380501110001", "anna"),
                        org.assertj.core.groups.Tuple.tuple("+380501110002", "boris"));
        assertThat(result.rejections()).extracting(Rejection::line).containsExactly(4L, 5L, 6L);
        assertThat(result.rejections())
                .allSatisfy(rejection -> assertThat(rejection.reason())
                        .isEqualTo("conflicting duplicate handle (same client, handled_at and actor, other values)"));
    }

    @Test
    @DisplayName("a file without a required column is unusable, naming the column")
    void missingColumn() {
        for (String column : CallLogColumns.HANDLES_REQUIRED) {
            String header = String.join(
                    ",",
                    CallLogColumns.HANDLES.stream()
                            .filter(c -> !c.equals(column))
                            .toList());

            assertThatThrownBy(() -> read(header + "\n"))
                    .isInstanceOf(UnusableCsvException.class)
                    .hasMessage("the handles file handles.csv has no '" + column + "' column");
        }
    }

    @Test
    @DisplayName("the note column may be left out: then a handle 'other' has a blank note")
    void noNoteColumn() {
        HandlesCsv.Result result = read("""
        client,covers_until,reason,actor,handled_at
        0501110001,2026-11-10T10:00:00Z,spam,anna,2026-11-10T11:00:00Z
        0501110002,2026-11-10T10:00:00Z,other,anna,2026-11-10T11:00:00Z
        """);

        assertThat(result.handles()).hasSize(1);
        assertThat(result.rejections()).extracting(Rejection::reason).containsExactly("blank note for other");
    }
}
