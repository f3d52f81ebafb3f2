/** Sample integrations of missed-calls: the command line, the demo, exports and adapters. */
module io.github.missedcalls.examples {
  requires io.github.missedcalls.core;
  requires static org.jspecify;
  requires info.picocli;
  requires org.apache.commons.csv;
  requires org.dhatim.fastexcel;
  requires com.fasterxml.jackson.core;

  exports io.github.missedcalls.examples.csv;
  exports io.github.missedcalls.examples.export;
  exports io.github.missedcalls.examples.generator;

  // picocli reads the commands' options reflectively.
  opens io.github.missedcalls.examples.cli to info.picocli;
}
