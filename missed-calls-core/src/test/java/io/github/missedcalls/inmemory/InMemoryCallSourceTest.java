package io.github.missedcalls.inmemory;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.tck.CallSourceContract;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryCallSource passes the CallSource compatibility kit")
class InMemoryCallSourceTest extends CallSourceContract {

    private final InMemoryCallSource source = new InMemoryCallSource();

    @Override
    protected void store(String project, List<CallRecord> calls) {
        source.add(project, calls);
    }

    @Override
    protected CallSource source() {
        return source;
    }

    @Override
    protected TemporalUnit instantPrecision() {
        return ChronoUnit.NANOS;
    }
}
