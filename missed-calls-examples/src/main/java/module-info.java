/** Examples and adapters built on missed-calls: PBX call sources and number normalizers. */
module io.github.missedcalls.examples {
  // The adapters' API speaks in core types and jspecify annotations.
  requires static transitive org.jspecify;
  requires transitive io.github.missedcalls.core;

  // PBX adapters and the libphonenumber normalizer.
  requires org.apache.commons.csv;
  requires com.google.i18n.phonenumbers.libphonenumber;

  exports io.github.missedcalls.examples.pbx;
  exports io.github.missedcalls.examples.asterisk;
  exports io.github.missedcalls.examples.freeswitch;
  exports io.github.missedcalls.examples.phone;
}
