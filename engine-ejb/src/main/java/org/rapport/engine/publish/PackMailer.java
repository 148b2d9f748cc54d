package org.rapport.engine.publish;

import java.util.Date;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Sends a pack by e-mail through a Jakarta Mail session (WildFly's mail subsystem in the server).
 * One message per recipient: a bad address fails alone, and readers do not see each other's
 * addresses. Thread-safe.
 */
public final class PackMailer {

    private final Session session;
    private final String from;

    public PackMailer(Session session, String from) {
        this.session = session;
        this.from = from;
    }

    public SendOutcome send(String address, PackMessage pack) {
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(address, true);
            recipient.validate();
        } catch (AddressException e) {
            return SendOutcome.rejected("'" + address + "' is not a valid e-mail address: " + e.getMessage());
        }
        try {
            Transport.send(message(recipient, pack));
            return SendOutcome.delivered();
        } catch (SendFailedException e) {
            // The server answered and refused this recipient: retrying sends the same refusal.
            return SendOutcome.rejected("the mail server refused " + address + ": " + e.getMessage());
        } catch (MessagingException e) {
            return SendOutcome.deferred("could not reach the mail server: " + e.getMessage());
        }
    }

    private MimeMessage message(InternetAddress recipient, PackMessage pack) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, recipient);
        message.setSubject(pack.subject(), "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(pack.body(), "UTF-8");
        MimeMultipart content = new MimeMultipart(text);
        if (pack.pdf() != null) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pack.pdf(), "application/pdf")));
            attachment.setFileName(pack.fileName());
            content.addBodyPart(attachment);
        }
        message.setContent(content);
        return message;
    }
}
