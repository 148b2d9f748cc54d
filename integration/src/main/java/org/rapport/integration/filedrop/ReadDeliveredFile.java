package org.rapport.integration.filedrop;

import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.rapport.integration.IntakeFormat;

/** Reads the delivered file with its folder's format; the message body becomes the {@code IntakeBatch}. */
class ReadDeliveredFile implements Processor {

    private final IntakeFormat format;

    ReadDeliveredFile(IntakeFormat format) {
        this.format = format;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        try (InputStream content = exchange.getIn().getMandatoryBody(InputStream.class)) {
            exchange.getIn().setBody(format.read(fileName, content));
        }
    }
}
