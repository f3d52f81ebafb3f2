package com.example.crm;

import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.tck.HandleStoreContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("A toy HandleStore passes the HandleStore compatibility kit")
class ToyHandleStoreTest extends HandleStoreContract {

    @Override
    protected HandleStore newStore() {
        return new ToyHandleStore();
    }

    // The toy keeps handles only; the kit checks that it refuses assignments rather than losing them.
    @Override
    protected boolean keepsAssignments() {
        return false;
    }
}
