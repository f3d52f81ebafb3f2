/** The core of missed-calls: records, the report, live tracking and the SPI. */
module io.github.missedcalls.core {
    requires static transitive org.jspecify;
    requires org.slf4j;

    exports io.github.missedcalls;
    exports io.github.missedcalls.spi;
    exports io.github.missedcalls.inmemory;
    exports io.github.missedcalls.live;
}
