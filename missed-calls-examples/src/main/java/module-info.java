/** Sample integrations of missed-calls: the command line, the demo, exports and adapters. */
module io.github.missedcalls.examples {
  // The adapters' API speaks in core types and jspecify annotations.
  requires static transitive org.jspecify;
  requires transitive io.github.missedcalls.core;
  requires org.apache.commons.csv;
  requires com.google.i18n.phonenumbers.libphonenumber;
  // The command line, the demo and the exports.
  requires info.picocli;
  requires org.dhatim.fastexcel;
  requires com.fasterxml.jackson.core;
  // The JDBC benchmark and the demo.
  requires io.github.missedcalls.jdbc;
  requires com.zaxxer.hikari;
  requires java.sql;
  requires org.postgresql.jdbc;
  requires jdk.management;
  // The report page (web): the JDK's HTTP server and JSON trees, over the JDBC module above.
  requires jdk.httpserver;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  // Provided: the Kafka Streams example is compiled here but runs only where Kafka is on the path.
  requires static kafka.streams;
  requires static kafka.clients;
  requires static java.net.http;

  exports io.github.missedcalls.examples.csv;
  exports io.github.missedcalls.examples.export;
  exports io.github.missedcalls.examples.generator;
  exports io.github.missedcalls.examples.bench;
  exports io.github.missedcalls.examples.pbx;
  exports io.github.missedcalls.examples.asterisk;
  exports io.github.missedcalls.examples.freeswitch;
  exports io.github.missedcalls.examples.phone;
  exports io.github.missedcalls.examples.web;
  exports io.github.missedcalls.examples.kafka;

  // picocli reads the commands' options reflectively.
  opens io.github.missedcalls.examples.cli to info.picocli;
  opens io.github.missedcalls.examples.kafka to com.fasterxml.jackson.databind;
}
