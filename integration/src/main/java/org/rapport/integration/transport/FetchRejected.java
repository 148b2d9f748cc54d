package org.rapport.integration.transport;

/**
 * A fetch that trying again will not mend: the server refused the credential, a response is not
 * the shape the definition says. Given up at once instead of retried.
 */
class FetchRejected extends Exception {

    private static final long serialVersionUID = 1L;

    FetchRejected(String message) {
        super(message, null, false, false);
    }
}
