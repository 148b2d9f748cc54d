package org.rapport.engine.publish;

/**
 * How packs are distributed; where they are dropped besides e-mail is a list of {@link PackDropTarget}s.
 *
 * @param attach          attach the PDF (true) or send a link to it (false)
 * @param publicUrl       the application's address as readers reach it, for links
 * @param from            the sender address
 * @param maximumAttempts how often a delivery is tried before it is reported failed
 * @param revisions       what the distribution list receives when a published month is revised
 */
public record DistributionSettings(boolean attach, String publicUrl, String from, int maximumAttempts,
        RevisionPolicy revisions) {

    /** Settings that tell the list a revision exists ({@link RevisionPolicy#NOTICE}). */
    public DistributionSettings(boolean attach, String publicUrl, String from, int maximumAttempts) {
        this(attach, publicUrl, from, maximumAttempts, RevisionPolicy.NOTICE);
    }
}
