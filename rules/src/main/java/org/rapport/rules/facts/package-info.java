/**
 * The published fact model: the only types a rule file may import besides java.lang value types,
 * java.time and java.math. Facts are plain, mutable where a rule has to fill something in
 * (a KPI's target and RAG status), and carry no personal data.
 */
package org.rapport.rules.facts;
