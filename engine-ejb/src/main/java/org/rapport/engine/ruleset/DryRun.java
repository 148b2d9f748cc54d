package org.rapport.engine.ruleset;

import java.util.List;

/**
 * What a draft would change against the active rule set over the last published month.
 *
 * @param month           the month whose stored figures were graded, or null when none is published yet
 * @param ragChanges      KPIs whose RAG status would differ
 * @param triggersAdded   trigger codes the draft raises that the active set does not
 * @param triggersRemoved trigger codes the active set raises that the draft does not
 */
public record DryRun(String month, List<RagChange> ragChanges, List<String> triggersAdded,
        List<String> triggersRemoved) {

    /** One KPI graded differently. */
    public record RagChange(String code, String dimension, String activeRag, String draftRag) {
    }
}
