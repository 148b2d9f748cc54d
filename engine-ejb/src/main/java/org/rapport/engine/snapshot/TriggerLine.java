package org.rapport.engine.snapshot;

/** One improvement trigger as the pack shows it. */
public record TriggerLine(String code, String title, String pillar, String severity, String evidence) {
}
