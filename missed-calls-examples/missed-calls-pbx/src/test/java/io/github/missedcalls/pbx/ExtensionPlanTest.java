package io.github.missedcalls.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.Direction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtensionPlanTest {

    final ExtensionPlan plan = ExtensionPlan.ofLength(3, 4).withOutboundPrefix("9");

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @DisplayName("R1: the direction follows from who is an extension")
    @CsvSource(
            nullValues = "-",
            value = {
                "380501110001, 442000,       IN",
                "-,            442000,       IN",
                "anonymous,    101,          IN",
                "101,          9380501110001, OUT",
                "101,          380501110001, OUT",
                "101,          102,          INTERNAL",
                "101,          *97,          INTERNAL",
                "101,          s,            INTERNAL",
                "101,          9102,         INTERNAL"
            })
    void direction(String caller, String dialled, Direction expected) {
        assertThat(plan.direction(caller, dialled)).isEqualTo(expected);
    }

    @Test
    @DisplayName("the outbound prefix is removed from the number an employee dialled")
    void outboundPrefix() {
        assertThat(plan.externalNumber("9380501110001")).isEqualTo("380501110001");
        assertThat(plan.externalNumber("380501110001")).isEqualTo("380501110001");
        assertThat(plan.externalNumber("101")).isNull();
    }

    @Test
    @DisplayName("a pattern plan matches whole numbers")
    void pattern() {
        ExtensionPlan sip = ExtensionPlan.matching("1[0-9]{2}");
        assertThat(sip.isExtension("101")).isTrue();
        assertThat(sip.isExtension("1011")).isFalse();
        assertThat(sip.isExtension("")).isFalse();
    }

    @Test
    @DisplayName("bad plans are refused")
    void badPlans() {
        assertThatThrownBy(() -> ExtensionPlan.ofLength(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExtensionPlan.matching("(")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.withOutboundPrefix("+9")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @DisplayName("R1: a company number as caller is the company's call, never a client's")
    @CsvSource({
        "+380441234567, 380501110001, OUT",
        "0441234567,    9380501110001, OUT",
        "380441234567,  +380 44 765 4321, INTERNAL",
        "442000,        101,          INTERNAL",
        "380501110001,  442000,       IN"
    })
    void companyNumbers(String caller, String dialled, Direction expected) {
        ExtensionPlan withNumbers = plan.withCompanyNumbers("+380 44 123 4567", "+380447654321", "442000");
        assertThat(withNumbers.direction(caller, dialled)).isEqualTo(expected);
    }

    @Test
    @DisplayName("company numbers match on their digits, and on a suffix of 7 digits or more only")
    void companyNumberMatching() {
        ExtensionPlan withNumbers = plan.withCompanyNumbers("380441234567", "442000");
        assertThat(withNumbers.isCompanyNumber("+380441234567")).isTrue();
        assertThat(withNumbers.isCompanyNumber("00380441234567")).isTrue();
        assertThat(withNumbers.isCompanyNumber("0441234567")).isTrue();
        assertThat(withNumbers.isCompanyNumber("1234567")).isTrue();
        assertThat(withNumbers.isCompanyNumber("234567")).isFalse();
        assertThat(withNumbers.isCompanyNumber("1442000")).isFalse();
        assertThat(withNumbers.externalNumber("9442000")).isNull();
        assertThat(withNumbers.companyNumbers()).containsExactly("380441234567", "442000");
        assertThatThrownBy(() -> plan.withCompanyNumbers("12")).hasMessageContaining("3 to 15 digits");
        assertThatThrownBy(() -> plan.withCompanyNumbers("main")).hasMessageContaining("'main'");
    }
}
