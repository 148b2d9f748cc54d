/**
 * Recurring requests: what the month's survey comments and service cases keep asking for, counted
 * page by page by the run's rules and stored as counts per theme, never as text or by customer.
 */
package org.rapport.engine.requests;
