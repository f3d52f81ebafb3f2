package io.github.missedcalls.inmemory;

import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.tck.HandleStoreContract;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryHandleStore passes the HandleStore compatibility kit")
class InMemoryHandleStoreTest extends HandleStoreContract {

    @Override
    protected HandleStore newStore() {
        return new InMemoryHandleStore();
    }

    @Override
    protected TemporalUnit instantPrecision() {
        return ChronoUnit.NANOS;
    }
}
