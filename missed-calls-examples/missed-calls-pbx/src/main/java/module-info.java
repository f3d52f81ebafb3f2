/** Call sources for PBX and file exports, and a libphonenumber normalizer. */
module io.github.missedcalls.pbx {
    // The adapters' API speaks in core types and jspecify annotations.
    requires static transitive org.jspecify;
    requires transitive io.github.missedcalls.core;
    requires org.apache.commons.csv;
    requires org.slf4j;
    requires com.google.i18n.phonenumbers.libphonenumber;

    exports io.github.missedcalls.pbx;
    exports io.github.missedcalls.pbx.asterisk;
    exports io.github.missedcalls.pbx.freeswitch;
    exports io.github.missedcalls.pbx.csv;
    exports io.github.missedcalls.pbx.phone;
}
