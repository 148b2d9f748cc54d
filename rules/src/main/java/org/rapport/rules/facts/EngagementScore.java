package org.rapport.rules.facts;

import java.util.Objects;

/**
 * One customer's engagement this month, as the rules worked it out: the three pillar scores and
 * the weighted index (0–100, higher is more engaged), the stage the index alone qualifies for, and
 * the stage the customer is in after moving at most one step from last month's.
 * The pillar rule creates it; the stage rules fill in the two stages. Not thread-safe: one rule
 * session owns it.
 */
public class EngagementScore {

    private final String customerRef;
    private final int cognitive;
    private final int emotional;
    private final int behavioural;
    private final int index;
    private final Stage previousStage;
    private final Integer previousIndex;
    private Stage qualifiedStage;
    private Stage stage;

    /** A score for {@code profile}, carrying its last-month stage and index for the stage rules. */
    public EngagementScore(CustomerProfile profile, int cognitive, int emotional, int behavioural, int index) {
        this(profile.getCustomerRef(), cognitive, emotional, behavioural, index,
                profile.getPreviousStage(), profile.getPreviousIndex());
    }

    public EngagementScore(String customerRef, int cognitive, int emotional, int behavioural, int index,
            Stage previousStage, Integer previousIndex) {
        this.customerRef = Objects.requireNonNull(customerRef, "customerRef");
        this.cognitive = checked("cognitive", cognitive);
        this.emotional = checked("emotional", emotional);
        this.behavioural = checked("behavioural", behavioural);
        this.index = checked("index", index);
        this.previousStage = previousStage;
        this.previousIndex = previousIndex;
    }

    private static int checked(String name, int score) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("The " + name + " score must be 0–100, was " + score);
        }
        return score;
    }

    public String getCustomerRef() {
        return customerRef;
    }

    public int getCognitive() {
        return cognitive;
    }

    public int getEmotional() {
        return emotional;
    }

    public int getBehavioural() {
        return behavioural;
    }

    /** The engagement index: the pillars weighted by the weights table, 0–100. */
    public int getIndex() {
        return index;
    }

    public Stage getPreviousStage() {
        return previousStage;
    }

    public Integer getPreviousIndex() {
        return previousIndex;
    }

    /** This month's index minus last month's; {@code null} for a customer scored for the first time. */
    public Integer getIndexChange() {
        return previousIndex == null ? null : index - previousIndex;
    }

    /** The stage the index alone qualifies for, before the one-step-at-a-time rule; {@code null} until decided. */
    public Stage getQualifiedStage() {
        return qualifiedStage;
    }

    public void setQualifiedStage(Stage qualifiedStage) {
        this.qualifiedStage = qualifiedStage;
    }

    /** The customer's stage this month; {@code null} until the stage rules decide it. */
    public Stage getStage() {
        return stage;
    }

    public void setStage(Stage stage) {
        this.stage = stage;
    }

    @Override
    public String toString() {
        return "EngagementScore[" + customerRef + ": " + cognitive + "/" + emotional + "/" + behavioural
                + " index " + index + " " + previousStage + " -> " + stage + "]";
    }
}
