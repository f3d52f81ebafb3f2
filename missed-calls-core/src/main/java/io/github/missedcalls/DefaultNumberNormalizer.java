package io.github.missedcalls;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The normalization of R3, without knowledge of any numbering plan.
 *
 * <ol>
 *   <li>An empty value and the words {@code anonymous}, {@code unknown}, {@code private},
 *       {@code restricted}, {@code unavailable}, {@code withheld} (any case) are withheld.
 *   <li>Spaces, dashes, dots, slashes and brackets are removed, and so is a {@code (0)} written
 *       after a country code ({@code +380 (0)44 ...} is {@code +38044...}).
 *   <li>A leading {@code 00} becomes {@code +}.
 *   <li>With a country calling code: a number starting with the trunk prefix becomes {@code +},
 *       the country code and the rest; a number of 11 or more digits starting with the country
 *       code becomes {@code +} and the digits. With an area code as well ({@link #withAreaCode}),
 *       a local number of 5 to 8 digits, written without trunk prefix and area code as landline
 *       CDRs do, becomes {@code +}, the country code, the area code and the digits.
 *   <li>Anything else of 3 to 15 digits, with or without a leading {@code +}, is kept; any other
 *       value cannot be normalized.
 * </ol>
 */
public final class DefaultNumberNormalizer implements NumberNormalizer {

    /** The national trunk prefix most countries use. */
    public static final String DEFAULT_TRUNK_PREFIX = "0";

    private static final Set<String> WITHHELD_WORDS =
            Set.of("anonymous", "unknown", "private", "restricted", "unavailable", "withheld");
    // E.164 allows at most 15 digits; fewer than 3 is no callable number (not even a short code).
    private static final int MIN_DIGITS = 3;
    private static final int MAX_DIGITS = 15;
    // A number this long that starts with the country code already carries it (R3, step 4).
    private static final int MIN_DIGITS_WITH_COUNTRY_CODE = 11;
    // Room before the digits for '+' and a country code of up to 3 digits, less the trunk prefix it replaces.
    private static final int PREFIX_ROOM = 4;

    // A local number without area code: fewer digits is an extension or a short code, more a
    // national number without trunk prefix.
    private static final int MIN_LOCAL_DIGITS = 5;
    private static final int MAX_LOCAL_DIGITS = 8;

    private final @Nullable String countryCode;
    private final String trunkPrefix;
    private final String areaCode;

    private DefaultNumberNormalizer(@Nullable String countryCode, String trunkPrefix, String areaCode) {
        this.countryCode = countryCode;
        this.trunkPrefix = trunkPrefix;
        this.areaCode = areaCode;
    }

    /** Normalization without a country code: steps 1, 2, 3 and 5 of R3. */
    public static DefaultNumberNormalizer withoutCountryCode() {
        return new DefaultNumberNormalizer(null, DEFAULT_TRUNK_PREFIX, "");
    }

    /**
     * The same normalization, where local numbers of 5 to 8 digits, written without trunk prefix
     * and area code, are in the area of {@code areaCode} (the national destination code: {@code 44}
     * for Kyiv, {@code 20} for London).
     *
     * @throws IllegalArgumentException if the area code is not 1 to 5 digits, or this normalizer
     *     has no country code
     */
    public DefaultNumberNormalizer withAreaCode(String areaCode) {
        Objects.requireNonNull(areaCode, "areaCode");
        String code = areaCode.strip();
        if (!code.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("area code must be 1 to 5 digits: " + areaCode);
        }
        if (countryCode == null) {
            throw new IllegalArgumentException("an area code needs a country code");
        }
        return new DefaultNumberNormalizer(countryCode, trunkPrefix, code);
    }

    /**
     * Normalization for a project in one country.
     *
     * @param countryCode the country calling code, with or without {@code +} ({@code 380}, {@code +7})
     * @param trunkPrefix the national trunk prefix ({@code 0} in most countries, {@code 8} in some)
     * @throws IllegalArgumentException if the country code is not 1 to 3 digits or the trunk
     *     prefix not 1 to 4 digits
     */
    public static DefaultNumberNormalizer forCountry(String countryCode, String trunkPrefix) {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(trunkPrefix, "trunkPrefix");
        String code = countryCode.strip();
        if (code.startsWith("+")) {
            code = code.substring(1);
        }
        if (!code.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("country code must be 1 to 3 digits: " + countryCode);
        }
        if (!trunkPrefix.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("trunk prefix must be 1 to 4 digits: " + trunkPrefix);
        }
        return new DefaultNumberNormalizer(code, trunkPrefix, "");
    }

    @Override
    public @Nullable String normalize(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        if (isInternational(raw)) {
            // Already in the form every step leads to; most PBXs write numbers so, and a report
            // normalizes every call, so this path must not allocate.
            return raw;
        }
        String plain = normalizePlain(raw);
        return plain != null ? plain : normalizeAnyForm(raw);
    }

    /**
     * The steps of R3 in one pass, for what PBXs write: digits and separators, perhaps after a
     * {@code +}. Gives {@code null} for anything else (words, {@code (0)}, other characters, too
     * few or too many digits), which {@link #normalizeAnyForm} then reads or explains.
     */
    private @Nullable String normalizePlain(String raw) {
        int length = raw.length();
        int room = PREFIX_ROOM + areaCode.length();
        byte[] out = new byte[room + length];
        int start = room;
        int end = start;
        boolean plus = false;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                out[end++] = (byte) c;
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (!isSeparator(c) || c == '(' && raw.startsWith("(0)", i)) {
                return null;
            }
        }
        if (!plus && end - start >= 2 && out[start] == '0' && out[start + 1] == '0') {
            start += 2;
            plus = true;
        }
        String code = countryCode;
        if (code != null && !plus) {
            if (startsWith(out, start, end, trunkPrefix)) {
                start += trunkPrefix.length();
                for (int k = code.length() - 1; k >= 0; k--) {
                    out[--start] = (byte) code.charAt(k);
                }
                plus = true;
            } else if (end - start >= MIN_DIGITS_WITH_COUNTRY_CODE && startsWith(out, start, end, code)) {
                plus = true;
            } else if (isLocal(end - start)) {
                for (int k = areaCode.length() - 1; k >= 0; k--) {
                    out[--start] = (byte) areaCode.charAt(k);
                }
                for (int k = code.length() - 1; k >= 0; k--) {
                    out[--start] = (byte) code.charAt(k);
                }
                plus = true;
            }
        }
        int digits = end - start;
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            return null;
        }
        if (plus) {
            out[--start] = '+';
        }
        return new String(out, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] digits, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (digits[start + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Every step of R3, for any value; slower than {@link #normalizePlain}, and the one that explains a failure. */
    private @Nullable String normalizeAnyForm(String raw) {
        if (isWithheld(raw)) {
            return null;
        }
        String value = raw.strip();
        String compact = removeSeparators(value);
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (countryCode != null && !compact.startsWith("+")) {
            if (compact.startsWith(trunkPrefix)) {
                compact = "+" + countryCode + compact.substring(trunkPrefix.length());
            } else if (compact.length() >= MIN_DIGITS_WITH_COUNTRY_CODE && compact.startsWith(countryCode)) {
                compact = "+" + compact;
            } else if (isLocal(compact.length()) && allDigits(compact, 0)) {
                compact = "+" + countryCode + areaCode + compact;
            }
        }
        int digitsFrom = compact.startsWith("+") ? 1 : 0;
        int digits = compact.length() - digitsFrom;
        if (digits < MIN_DIGITS || digits > MAX_DIGITS || !allDigits(compact, digitsFrom)) {
            throw new IllegalArgumentException("client number cannot be normalized: " + raw);
        }
        return compact;
    }

    private boolean isLocal(int digits) {
        return !areaCode.isEmpty() && digits >= MIN_LOCAL_DIGITS && digits <= MAX_LOCAL_DIGITS;
    }

    /** {@code +} and 3 to 15 digits, the form every number is normalized to. */
    @Override
    public boolean isNormalized(String raw) {
        return isInternational(raw);
    }

    /**
     * Whether a value means "no number" (R3, step 1): empty, or one of the words {@code anonymous},
     * {@code unknown}, {@code private}, {@code restricted}, {@code unavailable}, {@code withheld} in
     * any case, surrounding spaces ignored. Other normalizers use it to treat withheld numbers alike.
     */
    public static boolean isWithheld(String raw) {
        String value = raw.strip();
        return value.isEmpty() || WITHHELD_WORDS.contains(value.toLowerCase(Locale.ROOT));
    }

    /** {@code +} and 3 to 15 digits: what normalization produces, and leaves as it is. */
    private static boolean isInternational(String value) {
        int digits = value.length() - 1;
        return digits >= MIN_DIGITS && digits <= MAX_DIGITS && value.charAt(0) == '+' && allDigits(value, 1);
    }

    private static String removeSeparators(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean international = value.startsWith("+") || value.startsWith("00");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // "+44 (0)20 ..." writes the trunk prefix for national callers; it is not dialled from abroad.
            if (international && c == '(' && value.startsWith("(0)", i)) {
                i += 2;
                continue;
            }
            if (isSeparator(c)) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isSeparator(char c) {
        return c == ' '
                || c == '-'
                || c == '.'
                || c == '/'
                || c == '('
                || c == ')'
                || c == '['
                || c == ']'
                || Character.isWhitespace(c);
    }

    private static boolean allDigits(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Two normalizers are equal when they normalize alike: same country code, trunk prefix and area code. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DefaultNumberNormalizer that
                && Objects.equals(countryCode, that.countryCode)
                && trunkPrefix.equals(that.trunkPrefix)
                && areaCode.equals(that.areaCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(countryCode, trunkPrefix, areaCode);
    }

    @Override
    public String toString() {
        return countryCode == null
                ? "DefaultNumberNormalizer[no country code]"
                : "DefaultNumberNormalizer[+" + countryCode + ", trunk prefix " + trunkPrefix
                        + (areaCode.isEmpty() ? "" : ", area code " + areaCode) + "]";
    }
}
