/**
 * The watched rules inbox: rule files (DRL, decision tables, scenarios) dropped into
 * {@code <data dir>/rules-inbox/} become a draft of the active rule set and go through the same checks as
 * the REST lifecycle; the result is written beside them. Start it with
 * {@link org.rapport.integration.rulesinbox.RulesInbox#start}.
 */
package org.rapport.integration.rulesinbox;
