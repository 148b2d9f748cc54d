package org.rapport.engine.publish;

/**
 * The e-mail that carries a pack: attached, or linked when {@code pdf} is null.
 *
 * @param subject  e.g. "Rapport board pack — October 2026"
 * @param body     plain text, no personal data
 * @param fileName the attachment's name
 * @param pdf      the pack, or null to send only the link in the body
 */
public record PackMessage(String subject, String body, String fileName, byte[] pdf) {
}
