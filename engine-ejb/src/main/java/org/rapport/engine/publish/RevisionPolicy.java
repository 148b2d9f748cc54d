package org.rapport.engine.publish;

import java.util.Locale;

/**
 * What the distribution list receives when a published month is revised ({@code rapport.distribution.revisions}).
 * Drop targets (folder, SFTP) always receive the revised pack: they are archives, not readers.
 */
public enum RevisionPolicy {
    /** An e-mail saying a revision exists, what changed and where to read it; no attachment. The default. */
    NOTICE,
    /** The revised pack itself, as for a first publication, its subject and text saying it is a revision. */
    RESEND,
    /** No e-mail: readers find the revision in the archive. */
    NONE;

    public static RevisionPolicy parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rapport.distribution.revisions must be notice, resend or none, not '"
                    + name + "'", e);
        }
    }
}
