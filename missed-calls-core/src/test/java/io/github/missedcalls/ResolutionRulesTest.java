package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.answered;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.callback;
import static io.github.missedcalls.Fixtures.dayReport;
import static io.github.missedcalls.Fixtures.missed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R4-R7: groups, their resolution and what a row shows")
class ResolutionRulesTest {

  @Nested
  @DisplayName("R7: what a row shows")
  class R7 {

    @Test
    @DisplayName("R7: a callback at the very instant another contact resolved the group still counts as its attempt")
    void callbackAtTheInstantOfTheResolutionCounts() {
      // At 10:00 the client got through (id b) and a manager's callback (id c) connected too:
      // b resolves the group, being first by id, and c, not before the resolution, counts for it.
      Report report = dayReport(List.of(
          missed("a", CLIENT, at("09:00")),
          answered("b", CLIENT, at("10:00")),
          callback("c", CLIENT, at("10:00"))), List.of());

      assertThat(report.processed()).singleElement().satisfies(row -> {
        assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.CLIENT_GOT_THROUGH);
        assertThat(row.resolution().callId()).isEqualTo("b");
        assertThat(row.callbackAttempts()).extracting(CallbackAttempt::id).containsExactly("c");
      });
    }
  }
}
