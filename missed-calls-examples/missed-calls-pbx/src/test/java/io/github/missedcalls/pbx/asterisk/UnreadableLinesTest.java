package io.github.missedcalls.pbx.asterisk;

import static io.github.missedcalls.pbx.SourceFixtures.read;
import static io.github.missedcalls.pbx.SourceFixtures.resource;
import static io.github.missedcalls.pbx.asterisk.AsteriskCdrSourceTest.KYIV;
import static io.github.missedcalls.pbx.asterisk.AsteriskCdrSourceTest.kyiv;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.pbx.ExtensionPlan;
import io.github.missedcalls.pbx.SourceFixtures.Delivered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R2 on a database export shaped like PBXware's: a line that cannot be read must never let the
 * rest of its call through, or an answered call becomes a false missed call.
 */
class UnreadableLinesTest {

    final Delivered delivered = read(
            AsteriskCdrSource.builder("acme", KYIV, ExtensionPlan.ofLength(3, 4))
                    .databaseExport(resource(UnreadableLinesTest.class, "pbxware-export.csv"))
                    .build(),
            "acme");

    @Test
    @DisplayName("R2: a caller-ID name with unescaped quotes is read leniently: the 189 s answer is kept")
    void unescapedQuotesAreReadLeniently() {
        CallRecord call = delivered.call("1793703600.20");
        assertThat(call.isAnswered()).isTrue();
        assertThat(call.answeredAt()).isEqualTo(kyiv("2026-11-03T13:00:16"));
        assertThat(call.employee()).isEqualTo("1115");
    }

    @Test
    @DisplayName(
            "R2: a line cut off after its uniqueid rejects that call whole: its NO ANSWER leg is not a missed call")
    void cutOffLineWithIdRejectsItsCall() {
        assertThat(delivered.byId()).doesNotContainKey("1793704200.22");
        assertThat(delivered.rejections())
                .contains(Rejection.ofCall("1793704200.22", 5L, "17 columns; the header has 19"));
    }

    @Test
    @DisplayName(
            "R2: a line cut off before its ids and channel rejects the neighbouring call within a minute of its time")
    void cutOffLineWithoutIdRejectsItsNeighbour() {
        assertThat(delivered.byId()).doesNotContainKey("1793704800.24");
        assertThat(delivered.rejections())
                .contains(Rejection.ofCall("1793704800.24", 7L, "2 columns; the header has 19"));
    }

    @Test
    @DisplayName("R2: calls the unreadable lines do not touch are delivered, and every bad line is one rejection")
    void otherCallsAreDelivered() {
        assertThat(delivered.byId().keySet()).containsExactly("1793703600.20", "1793705400.26");
        assertThat(delivered.rejections()).hasSize(2);
    }
}
