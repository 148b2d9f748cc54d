package org.rapport.engine.publish;

/** What became of one attempt to deliver a pack to one target. */
public record SendOutcome(boolean sent, boolean retryable, String error) {

    static SendOutcome delivered() {
        return new SendOutcome(true, false, null);
    }

    /** Trying again will not help, e.g. an address that is not an address. */
    static SendOutcome rejected(String error) {
        return new SendOutcome(false, false, error);
    }

    /** Trying again later may help, e.g. the mail server is down. */
    static SendOutcome deferred(String error) {
        return new SendOutcome(false, true, error);
    }
}
