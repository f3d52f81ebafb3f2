package io.github.missedcalls.pbx.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.github.missedcalls.DefaultNumberNormalizer;
import io.github.missedcalls.NumberNormalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Normalizes client numbers to E.164 with Google's libphonenumber, which knows each country's
 * numbering plan: national forms ({@code 050 111 0001} in Ukraine, {@code 8 916 111-22-33} in
 * Russia), international forms with {@code +} or the region's international prefix ({@code 00},
 * {@code 810}, {@code 011}) and a {@code (0)} after the country code all become
 * {@code +380501110001}-style numbers. Use it instead of the core's
 * {@link io.github.missedcalls.DefaultNumberNormalizer} where numbers come in national forms
 * that a trunk prefix alone does not describe.
 *
 * <ol>
 *   <li>An empty value and the words {@code anonymous}, {@code unknown}, {@code private},
 *       {@code restricted}, {@code unavailable}, {@code withheld} (any case) are withheld (R3, R4).
 *   <li>Anything else is parsed with the project's region for numbers written without a
 *       country code.
 *   <li>With an area code ({@link #withAreaCode}), a local number of 5 to 8 digits that is not
 *       a number of the region as written is read as a number of that area: CDRs of landlines
 *       write {@code 1234567} for {@code 044 123 4567}.
 *   <li>A number that does not parse, or that is not a valid number of its region (by default)
 *       or not even a possible one ({@link #acceptingPossibleNumbers}), cannot be normalized:
 *       {@link IllegalArgumentException}, whose message the report shows as the rejection's reason (R2).
 * </ol>
 *
 * <p>Idempotent (an E.164 number normalizes to itself) and thread-safe.
 */
public final class LibPhoneNumberNormalizer implements NumberNormalizer {

    private static final Pattern LOCAL_NUMBER = Pattern.compile("[1-9][0-9]{4,7}");

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final String region;
    private final boolean possibleIsEnough;
    private final String areaCode;

    private LibPhoneNumberNormalizer(String region, boolean possibleIsEnough, String areaCode) {
        this.region = region;
        this.possibleIsEnough = possibleIsEnough;
        this.areaCode = areaCode;
    }

    /**
     * The same normalizer, reading local numbers of 5 to 8 digits that are no number of the
     * region as they are as numbers of the area {@code areaCode} (the national destination code,
     * without trunk prefix: {@code 44} for Kyiv, {@code 20} for London).
     *
     * @throws IllegalArgumentException if the area code is not 1 to 5 digits
     */
    public LibPhoneNumberNormalizer withAreaCode(String areaCode) {
        Objects.requireNonNull(areaCode, "areaCode");
        String code = areaCode.strip();
        if (!code.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("area code must be 1 to 5 digits: " + areaCode);
        }
        return new LibPhoneNumberNormalizer(region, possibleIsEnough, code);
    }

    /**
     * Accepts valid numbers only: numbers in ranges the region has assigned.
     *
     * @param region the project's region, an ISO 3166 two-letter code ({@code UA}, {@code GB})
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    public static LibPhoneNumberNormalizer forRegion(String region) {
        return new LibPhoneNumberNormalizer(checkRegion(region), false, "");
    }

    /**
     * Accepts every possible number (of a length the region uses), valid or not: for test numbers
     * and ranges libphonenumber does not know yet, at the cost of letting typos through.
     *
     * @param region the project's region, an ISO 3166 two-letter code
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    public static LibPhoneNumberNormalizer acceptingPossibleNumbers(String region) {
        return new LibPhoneNumberNormalizer(checkRegion(region), true, "");
    }

    private static String checkRegion(String region) {
        Objects.requireNonNull(region, "region");
        String code = region.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException("unknown region: " + region);
        }
        return code;
    }

    /**
     * @throws IllegalArgumentException when the number cannot be normalized
     */
    @Override
    public @Nullable String normalize(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (DefaultNumberNormalizer.isWithheld(value)) {
            return null;
        }
        PhoneNumber number;
        try {
            number = phoneNumbers.parse(value, region);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("client number cannot be normalized: " + raw, e);
        }
        boolean accepted = accepted(number);
        if (!accepted && !areaCode.isEmpty()) {
            String digits = value.replaceAll("[\\s().-]", "");
            if (LOCAL_NUMBER.matcher(digits).matches()) {
                try {
                    PhoneNumber local = phoneNumbers.parse(areaCode + digits, region);
                    if (accepted(local)) {
                        number = local;
                        accepted = true;
                    }
                } catch (NumberParseException e) {
                    // not a local number either: said below
                }
            }
        }
        if (!accepted) {
            throw new IllegalArgumentException(
                    "client number is not a " + (possibleIsEnough ? "possible" : "valid") + " phone number: " + raw);
        }
        return phoneNumbers.format(number, PhoneNumberFormat.E164);
    }

    private boolean accepted(PhoneNumber number) {
        return possibleIsEnough ? phoneNumbers.isPossibleNumber(number) : phoneNumbers.isValidNumber(number);
    }

    @Override
    public String toString() {
        return "LibPhoneNumberNormalizer[" + region + (possibleIsEnough ? ", possible numbers" : ", valid numbers")
                + (areaCode.isEmpty() ? "" : ", area code " + areaCode) + "]";
    }
}
