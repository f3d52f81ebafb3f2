/**
 * The live tracker as a Kafka Streams application: call records and handles in, keyed by project;
 * a repartition by project and normalized client number; each client's {@link
 * io.github.missedcalls.live.ClientState} in a state store; the tracker's events and rejections out;
 * and an interactive query that serves a project's unprocessed tab. See {@code docs/kafka.md}.
 *
 * <p>Kafka Streams is a provided dependency of this module: the command line's runnable jar does
 * not carry it, the {@code kafka} profile builds a jar of the streams application that does.
 */
@NullMarked
package io.github.missedcalls.kafka;

import org.jspecify.annotations.NullMarked;
