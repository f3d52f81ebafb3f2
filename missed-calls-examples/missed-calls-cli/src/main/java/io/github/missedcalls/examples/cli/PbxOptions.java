package io.github.missedcalls.examples.cli;

import io.github.missedcalls.pbx.ExtensionPlan;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags that describe a PBX's files, shared by {@code report} and {@code convert} (docs/cli.md). */
final class PbxOptions {

    @Option(
            names = "--input",
            paramLabel = "INPUT",
            converter = PbxInputs.KindConverter.class,
            description =
                    "What --calls holds: calls, asterisk-csv, asterisk-db, queue-log, freeswitch. Default: calls.")
    PbxInputs.Kind input = PbxInputs.Kind.CALLS;

    @Option(
            names = "--queue-log",
            paramLabel = "FILE",
            description = "Asterisk queue_log read beside an asterisk-csv or asterisk-db CDR.")
    private @Nullable String queueLog;

    @Option(
            names = "--pbx-zone",
            paramLabel = "ZONE",
            converter = ReportCommand.ZoneConverter.class,
            description = "The zone the PBX writes its local times in (UTC for usegmtime=yes). Default: --zone.")
    private @Nullable ZoneId pbxZone;

    @Option(
            names = "--extensions",
            paramLabel = "REGEX",
            description = "Which numbers are the company's extensions, a regular expression. Default: [0-9]{3,4}.")
    private String extensions = PbxInputs.DEFAULT_EXTENSIONS;

    @Option(
            names = "--outbound-prefix",
            paramLabel = "P",
            description = "The digits employees dial before an outside number (9, say). Default: none.")
    private @Nullable String outboundPrefix;

    @Option(
            names = "--company-numbers",
            paramLabel = "NUMBERS",
            split = ",",
            description = "The company's own numbers (DIDs, main number), comma-separated: never a client.")
    private List<String> companyNumbers = new ArrayList<>();

    /**
     * The source of the PBX file {@code file}, read in {@code --pbx-zone} or else {@code zone}.
     *
     * @throws UsageException if a flag's value is bad, naming the flag
     */
    PbxInputs.Input input(String project, String file, ZoneId zone, Consumer<String> warnings) {
        return PbxInputs.pbx(input, project, file, queueLog, pbxZone == null ? zone : pbxZone, plan(), warnings);
    }

    /** The company's numbering, from the flags; a bad value is a usage error naming its flag. */
    ExtensionPlan plan() {
        ExtensionPlan plan;
        try {
            plan = ExtensionPlan.matching(extensions);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--extensions: " + MissedCallsCli.oneLine(e.getMessage()));
        }
        try {
            if (outboundPrefix != null) {
                plan = plan.withOutboundPrefix(outboundPrefix.strip());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--outbound-prefix: " + MissedCallsCli.oneLine(e.getMessage()));
        }
        try {
            return plan.withCompanyNumbers(companyNumbers);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--company-numbers: " + MissedCallsCli.oneLine(e.getMessage()));
        }
    }
}
