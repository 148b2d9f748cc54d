package org.rapport.reports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rapport.engine.snapshot.PackNotice;

/** The words of the cover's notice box: a revision and what changed, data that was incomplete and why. Pure. */
final class CoverNotice {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private CoverNotice() {
    }

    /** The notice, a paragraph per subject; null when the pack needs none. */
    static String of(PackNotice notice, long runId) {
        List<String> paragraphs = new ArrayList<>();
        if (notice.incomplete() != null) {
            paragraphs.add(incomplete(notice.incomplete()));
        }
        if (notice.revision() != null) {
            paragraphs.add(revision(notice.revision(), runId));
        }
        return paragraphs.isEmpty() ? null : String.join("\n", paragraphs);
    }

    private static String incomplete(PackNotice.Incomplete incomplete) {
        if (incomplete.missing().isEmpty()) {
            return "FORCED — started on the instruction of an operator (" + incomplete.forcedBy()
                    + ") without waiting for the month's data to be declared complete.";
        }
        StringBuilder text = new StringBuilder("INCOMPLETE DATA — ");
        text.append(incomplete.forcedBy() == null
                ? "published after the month's deadline before all its data had arrived."
                : "published on the instruction of an operator (" + incomplete.forcedBy()
                        + ") before all the month's data had arrived.");
        text.append(" Missing: ").append(String.join("; ", incomplete.missing())).append('.');
        if (!incomplete.affectedCodes().isEmpty()) {
            text.append(" Figures marked").append(IncompleteDataMarks.MARK)
                    .append(" may change when the data arrives.");
        }
        return text.toString();
    }

    private static String revision(PackNotice.Revision revision, long runId) {
        StringBuilder text = new StringBuilder("REVISED " + day(revision.revisedOn()) + " (run " + runId
                + ") — replaces the pack of run " + revision.replacesRunId()
                + (revision.replacedPublishedOn() == null ? "" : " published " + day(revision.replacedPublishedOn()))
                + ". What changed:");
        revision.changes().forEach(change -> text.append("\n• ").append(change));
        return text.toString();
    }

    private static String day(LocalDate day) {
        return day == null ? "on an unrecorded day" : DAY.format(day);
    }
}
