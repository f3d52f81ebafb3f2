package io.github.missedcalls.inmemory;

import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.tck.HandleStoreContract;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryHandleStore passes the HandleStore compatibility kit")
class InMemoryHandleStoreTest extends HandleStoreContract {

  private final InMemoryHandleStore store = new InMemoryHandleStore();

  @Override
  protected HandleStore store() {
    return store;
  }

  @Override
  protected TemporalUnit instantPrecision() {
    return ChronoUnit.NANOS;
  }
}
