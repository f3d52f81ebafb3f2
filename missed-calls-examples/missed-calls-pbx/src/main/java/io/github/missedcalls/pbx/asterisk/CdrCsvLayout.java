package io.github.missedcalls.pbx.asterisk;

import java.util.Optional;

/**
 * The columns of a {@code cdr_csv} {@code Master.csv}, which depend on three options of the
 * {@code [csv]} section of {@code cdr.conf} and are not written in the file. The first 16
 * columns are always {@code accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp,
 * lastdata, start, answer, end, duration, billsec, disposition, amaflags}; then come
 * {@code uniqueid} ({@code loguniqueid=yes}), {@code userfield} ({@code loguserfield=yes}) and
 * {@code peeraccount, linkedid, sequence} ({@code newcdrcolumns=yes}).
 *
 * @param logUniqueId whether {@code loguniqueid=yes}
 * @param logUserField whether {@code loguserfield=yes}
 * @param newCdrColumns whether {@code newcdrcolumns=yes}
 */
public record CdrCsvLayout(boolean logUniqueId, boolean logUserField, boolean newCdrColumns) {

    /** 16 columns: the defaults of {@code cdr.conf}. */
    public static final CdrCsvLayout BASIC = new CdrCsvLayout(false, false, false);
    /** 17 columns: with {@code uniqueid}. */
    public static final CdrCsvLayout WITH_UNIQUEID = new CdrCsvLayout(true, false, false);
    /** 18 columns: with {@code uniqueid} and {@code userfield}. */
    public static final CdrCsvLayout WITH_UNIQUEID_AND_USERFIELD = new CdrCsvLayout(true, true, false);
    /** 21 columns: everything, {@code linkedid} included; the layout to configure Asterisk for. */
    public static final CdrCsvLayout FULL = new CdrCsvLayout(true, true, true);

    static final int ACCOUNT_CODE = 0;
    static final int SRC = 1;
    static final int DST = 2;
    static final int DCONTEXT = 3;
    static final int CLID = 4;
    static final int CHANNEL = 5;
    static final int DST_CHANNEL = 6;
    static final int LAST_APP = 7;
    static final int LAST_DATA = 8;
    static final int START = 9;
    static final int ANSWER = 10;
    static final int END = 11;
    static final int DURATION = 12;
    static final int BILLSEC = 13;
    static final int DISPOSITION = 14;
    private static final int BASIC_COLUMNS = 16;

    /** How many columns a row of this layout has. */
    public int columns() {
        return BASIC_COLUMNS + (logUniqueId ? 1 : 0) + (logUserField ? 1 : 0) + (newCdrColumns ? 3 : 0);
    }

    /** Where {@code uniqueid} is; -1 when the layout has none. */
    int uniqueIdIndex() {
        return logUniqueId ? BASIC_COLUMNS : -1;
    }

    /** Where {@code userfield} is; -1 when the layout has none. */
    int userFieldIndex() {
        return logUserField ? BASIC_COLUMNS + (logUniqueId ? 1 : 0) : -1;
    }

    /** Where {@code linkedid} is; -1 when the layout has none. */
    int linkedIdIndex() {
        return newCdrColumns ? columns() - 2 : -1;
    }

    /** Where {@code sequence} is; -1 when the layout has none. */
    int sequenceIndex() {
        return newCdrColumns ? columns() - 1 : -1;
    }

    /**
     * The layout a row of {@code columnCount} columns most likely has: 16 basic, 17 with
     * {@code uniqueid} (not {@code userfield}: {@code loguniqueid} is the more common option), 18
     * with both, 19 to 21 the same plus the new columns. Configure the layout where a guess could
     * be wrong.
     *
     * @return empty when no layout has that many columns
     */
    public static Optional<CdrCsvLayout> detect(int columnCount) {
        return switch (columnCount) {
            case 16 -> Optional.of(BASIC);
            case 17 -> Optional.of(WITH_UNIQUEID);
            case 18 -> Optional.of(WITH_UNIQUEID_AND_USERFIELD);
            case 19 -> Optional.of(new CdrCsvLayout(false, false, true));
            case 20 -> Optional.of(new CdrCsvLayout(true, false, true));
            case 21 -> Optional.of(FULL);
            default -> Optional.empty();
        };
    }
}
