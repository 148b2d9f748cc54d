package org.rapport.integration.transport;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * One fetch of a remote folder: Camel's polling consumer lists it and hands over, one at a time, each
 * file its filter and idempotent repository let through; each is streamed into the landing folder
 * and, once landed, marked as fetched; a file that fails to land is left unmarked so a retry fetches
 * it again. Connecting per fetch (and letting go after) keeps no idle session open between fetches.
 * A fault connecting or landing fails the fetch, for the route's error handler to retry.
 */
final class RemoteFolderDrain implements Processor {

    private final Endpoint remote;
    private final Endpoint landing;

    RemoteFolderDrain(Endpoint remote, Endpoint landing) {
        this.remote = remote;
        this.landing = landing;
    }

    @Override
    public void process(Exchange fetch) throws Exception {
        try (ConsumerTemplate remoteFiles = fetch.getContext().createConsumerTemplate();
                ProducerTemplate landed = fetch.getContext().createProducerTemplate()) {
            for (Exchange file = remoteFiles.receiveNoWait(remote); file != null;
                    file = remoteFiles.receiveNoWait(remote)) {
                try {
                    landed.send(landing, file);
                } finally {
                    // commits (marks as fetched) or rolls back, as the landing went
                    remoteFiles.doneUoW(file);
                }
                if (file.getException() != null) {
                    throw file.getException();
                }
                fetch.setProperty(FetchRoutes.FILES_LANDED, fetch.getProperty(FetchRoutes.FILES_LANDED, 0L, Long.class) + 1);
            }
        }
    }
}
