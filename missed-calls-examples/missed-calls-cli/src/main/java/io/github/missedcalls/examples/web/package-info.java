/**
 * The report page as a sample integration: a small HTTP server on the JDK's own
 * {@code com.sun.net.httpserver}, a JSON API over {@link io.github.missedcalls.MissedCalls}, and
 * a static page whose script builds the screen a head of sales opens every morning from that
 * API. Start it with {@link io.github.missedcalls.examples.web.ServeMain} (or the CLI's
 * {@code serve}); embed it with {@link io.github.missedcalls.examples.web.ReportServer}.
 */
@NullMarked
package io.github.missedcalls.examples.web;

import org.jspecify.annotations.NullMarked;
