package io.github.missedcalls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.missedcalls.DefaultNumberNormalizer;
import io.github.missedcalls.NumberNormalizer;
import io.github.missedcalls.tck.Generators;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@DisplayName("R3: the report's cache of normalized numbers")
class NormalizedNumbersTest {

    private static final NumberNormalizer UKRAINE = DefaultNumberNormalizer.forCountry("380", "0");

    private static String outcome(NumberNormalizer normalizer, String raw) {
        try {
            return String.valueOf(normalizer.normalize(raw));
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String outcome(NormalizedNumbers cache, String raw) {
        try {
            return String.valueOf(cache.normalize(raw));
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    @Test
    @DisplayName(
            "R3: a hundred thousand spellings, far more than the cache has slots, each normalize as the normalizer says")
    void sharedSlotsNeverMix() {
        Random random = new Random(11);
        List<String> spellings = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String national = "0" + digits(random, 9);
            spellings.add(
                    switch (i % 5) {
                        case 0 -> national;
                        case 1 ->
                            "+380 " + national.substring(1, 3) + " " + national.substring(3, 6) + "-"
                                    + national.substring(6);
                        case 2 -> "(" + national.substring(0, 3) + ") " + national.substring(3);
                        case 3 -> "00380" + national.substring(1);
                        default -> national.substring(0, 1 + random.nextInt(9));
                    });
        }
        NormalizedNumbers cache = new NormalizedNumbers(UKRAINE);
        for (int round = 0; round < 3; round++) {
            for (String spelling : spellings) {
                assertThat(outcome(cache, spelling)).as(spelling).isEqualTo(outcome(UKRAINE, spelling));
            }
        }
    }

    @Test
    @DisplayName("R3: spellings that differ in one character, or only in length, are never taken for each other")
    void nearSpellingsStayApart() {
        List<List<String>> pairs = List.of(
                List.of("+380(0)501234567", "+380)0(501234567"),
                List.of("0501234567", "05012345670"),
                List.of("0501234567", "050123456"),
                List.of("380501234567", "+380501234567 "),
                List.of("00380501234567", "0 0380501234567"),
                List.of("0501234567-", "0501234567 "),
                List.of("0000000000000000501", "00000000000000000501"));
        for (List<String> pair : pairs) {
            NormalizedNumbers cache = new NormalizedNumbers(UKRAINE);
            for (String spelling : List.of(pair.get(0), pair.get(1), pair.get(0), pair.get(1))) {
                assertThat(outcome(cache, spelling)).as("'%s'", spelling).isEqualTo(outcome(UKRAINE, spelling));
            }
        }
    }

    private static final List<String> PIECES = List.of(
            "0",
            "1",
            "5",
            "9",
            "00",
            "380",
            "+",
            " ",
            "-",
            "(",
            ")",
            "(0)",
            ".",
            "/",
            "anonymous",
            "x",
            "0000000000000000");

    private static Gen<List<String>> spellingLists() {
        return lists().of(lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 10).map(pieces -> String.join("", pieces)))
                .ofSizeBetween(1, 40);
    }

    @Test
    @DisplayName(
            "R3: spellings taken again, in any order and of any length, give what the normalizer gives, withheld and refused alike")
    void sameAsTheNormalizer() {
        Generators.theory().forAll(spellingLists()).checkAssert(spellings -> {
            NormalizedNumbers cache = new NormalizedNumbers(UKRAINE);
            for (int round = 0; round < 2; round++) {
                for (String spelling : spellings) {
                    assertThat(outcome(cache, spelling)).as("'%s'", spelling).isEqualTo(outcome(UKRAINE, spelling));
                }
            }
        });
    }
}
