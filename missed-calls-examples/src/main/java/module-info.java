/** Sample integrations of missed-calls: the command line, the demo, exports and adapters. */
module io.github.missedcalls.examples {
  requires io.github.missedcalls.core;
  requires static org.jspecify;
  // web: the report page
  requires io.github.missedcalls.jdbc;
  requires jdk.httpserver;
  requires java.sql;
  requires com.fasterxml.jackson.databind;
  requires com.zaxxer.hikari;
  requires org.slf4j;

  exports io.github.missedcalls.examples.generator;
  exports io.github.missedcalls.examples.bench;
  exports io.github.missedcalls.examples.web;
}
