/** Sample integrations of missed-calls: the command line, the demo, exports and adapters. */
module io.github.missedcalls.examples {
  requires io.github.missedcalls.core;
  requires static org.jspecify;
  // Provided: the Kafka Streams example is compiled here but runs only where Kafka is on the path.
  requires static kafka.streams;
  requires static kafka.clients;
  requires static com.fasterxml.jackson.databind;
  requires static jdk.httpserver;
  requires static java.net.http;

  exports io.github.missedcalls.examples.generator;
  exports io.github.missedcalls.examples.bench;
  exports io.github.missedcalls.examples.kafka;
  opens io.github.missedcalls.examples.kafka to com.fasterxml.jackson.databind;
}
