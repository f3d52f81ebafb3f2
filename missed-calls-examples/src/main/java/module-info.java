/** Sample integrations of missed-calls: the command line, the demo, exports and adapters. */
module io.github.missedcalls.examples {
  requires io.github.missedcalls.core;
  requires io.github.missedcalls.jdbc;
  requires com.zaxxer.hikari;
  requires org.postgresql.jdbc;
  requires jdk.management;
  requires static org.jspecify;

  exports io.github.missedcalls.examples.generator;
  exports io.github.missedcalls.examples.bench;
}
