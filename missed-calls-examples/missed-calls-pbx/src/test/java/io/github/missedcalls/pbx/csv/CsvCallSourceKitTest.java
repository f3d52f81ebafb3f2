package io.github.missedcalls.pbx.csv;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.tck.ReadOnlyCallSourceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CsvCallSource passes the CallSource compatibility kit over files CallLogCsvWriter writes")
class CsvCallSourceKitTest extends ReadOnlyCallSourceContract {

    @TempDir
    Path directory;

    @Override
    protected CallSource sourceOver(List<CallRecord> calls) {
        try {
            Path file = Files.createTempFile(directory, "calls", ".csv");
            try (CallLogCsvWriter writer = CallLogCsvWriter.create(file, null, ZoneId.of("Europe/Kyiv"))) {
                calls.forEach(writer::call);
            }
            return CsvCallSource.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty cell is an absent value (docs/call-log-csv.md): an empty client number comes back absent. */
    @Override
    protected CallRecord asRead(CallRecord written) {
        return "".equals(written.client()) ? written.withClient(null) : written;
    }

    @Override
    protected TemporalUnit instantPrecision() {
        return ChronoUnit.NANOS;
    }

    /** A file holds every row it was given: the report, not the source, keeps to the range (R2). */
    @Override
    protected boolean filtersByRange() {
        return false;
    }
}
