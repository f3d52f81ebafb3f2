package io.github.missedcalls.pbx.asterisk;

import static io.github.missedcalls.pbx.SourceFixtures.read;
import static io.github.missedcalls.pbx.SourceFixtures.resource;
import static io.github.missedcalls.pbx.asterisk.AsteriskCdrSourceTest.builder;
import static io.github.missedcalls.pbx.asterisk.AsteriskCdrSourceTest.kyiv;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Managers;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Stage;
import io.github.missedcalls.pbx.SourceFixtures.Delivered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A {@code queue_log} table exported with a header row, as FreePBX's and PBXware's realtime queue_log is. */
class QueueLogExportTest {

    final Delivered delivered = read(
            builder()
                    .queueLog(resource(QueueLogExportTest.class, "queue_log-export.csv"))
                    .build(),
            "acme");

    @Test
    @DisplayName(
            "R1: the export is read by its header; PBXware's caller id in data1 is the client; local times in the server's zone")
    void exportWithCallerIdInData1() {
        CallRecord missed = delivered.call("1793606400.1");
        assertThat(missed.client()).isEqualTo("380501110051");
        assertThat(missed.isAnswered()).isFalse();
        assertThat(missed.stage()).isEqualTo(Stage.RINGING);
        assertThat(missed.managers()).isEqualTo(Managers.RANG);
        assertThat(missed.endedAt()).isEqualTo(kyiv("2026-11-02T09:00:40"));
    }

    @Test
    @DisplayName("R1: epoch times and data2's caller id read as in a raw queue_log; CONNECT answers")
    void epochTimesAndData2() {
        CallRecord answered = delivered.call("1793607000.5");
        assertThat(answered.client()).isEqualTo("380501110052");
        assertThat(answered.employee()).isEqualTo("102");
    }

    @Test
    @DisplayName("R2: a time that is neither epoch nor a date-time is one rejection with its call, not one per line")
    void onlyTheBadLineIsRejected() {
        assertThat(delivered.rejections())
                .containsExactly(Rejection.ofCall("1793607600.7", 9L, "queue_log: unparsable time 'yesterday'"));
        assertThat(delivered.byId().keySet()).containsExactly("1793606400.1", "1793607000.5");
    }
}
