package org.rapport.integration.rulesinbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import org.rapport.engine.ruleset.RuleSetSubmission;
import org.rapport.rules.engine.RuleMessage;

/**
 * What the strategy team reads beside a dropped file: {@code <file>.result.txt} in the inbox, saying
 * which draft it made, whether it is valid (or each problem with file, line and column) and whether it
 * was activated. These files are for the author; the log only says how many problems there were.
 */
final class InboxResult {

    static final String SUFFIX = ".result.txt";

    private InboxResult() {
    }

    /** Writes the submission's result beside each file it was made from. */
    static void write(Path inbox, RuleSetSubmission submission, Instant at) {
        StringBuilder text = new StringBuilder()
                .append("handed in: ").append(String.join(", ", submission.files())).append(" at ").append(at)
                .append('\n')
                .append("draft: ").append(submission.version()).append(" (id ").append(submission.draftId())
                .append(")\n");
        if (submission.valid()) {
            text.append("valid: yes - it compiles, keeps to the sandbox and passes the scenarios kept with it\n");
        } else {
            text.append("valid: no - ").append(submission.problems().size())
                    .append(submission.problems().size() == 1 ? " problem" : " problems")
                    .append("; the active rule set is unchanged\n");
            for (RuleMessage problem : submission.problems()) {
                text.append(problem).append('\n');
            }
        }
        if (submission.activated()) {
            text.append("activated: yes - it is the live rule set from the next run (rapport.rules-inbox."
                    + "activate-when-valid is on; recorded in the activation audit)\n");
        } else if (submission.valid()) {
            text.append("activated: no - activate it with POST /rapport/api/rulesets/").append(submission.draftId())
                    .append("/activate (audited)\n");
        } else {
            text.append("activated: no\n");
        }
        submission.files().forEach(file -> write(inbox.resolve(file + SUFFIX), text.toString()));
    }

    /** Writes why files could not be made into a draft at all (the database was down, say). */
    static void failed(Path inbox, List<String> files, String reason, Instant at) {
        String text = "handed in: " + String.join(", ", files) + " at " + at + "\n"
                + "draft: none - " + reason + "\n"
                + "drop the files again once the server is back\n";
        files.forEach(file -> write(inbox.resolve(file + SUFFIX), text));
    }

    /**
     * Written under a hidden name and moved into place, so that whoever watches the inbox for the
     * result (a person, a script, a test) never reads it half-written.
     */
    private static void write(Path file, String text) {
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result " + file, e);
        }
    }
}
