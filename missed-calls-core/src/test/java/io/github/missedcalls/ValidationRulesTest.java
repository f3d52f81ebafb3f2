package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.dayReport;
import static io.github.missedcalls.Fixtures.missed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R1, R2: call records and their validation")
class ValidationRulesTest {

  @Nested
  @DisplayName("R2: records that share an id")
  class DuplicateIds {

    private final CallRecord first = missed("42", CLIENT, at("09:00"));
    private final CallRecord equalCopy = missed("42", "+380 (50) 111-00-01", at("09:00"));
    private final CallRecord conflicting = missed("42", CLIENT, at("09:05"));

    @Test
    @DisplayName("R2: every copy of a conflicting id is rejected, however many equal copies there are and in any order")
    void everyConflictingCopyRejected() {
      for (List<CallRecord> order : List.of(List.of(first, equalCopy, conflicting),
          List.of(conflicting, first, equalCopy), List.of(first, conflicting, equalCopy))) {
        Report report = dayReport(order, List.of());

        assertThat(report.rejections()).as("delivered as %s", order).hasSize(3)
            .allSatisfy(rejection -> {
              assertThat(rejection.id()).isEqualTo("42");
              assertThat(rejection.reason()).isEqualTo("conflicting duplicate id");
            });
        assertThat(report.unprocessed()).isEmpty();
      }
    }
  }
}
