/**
 * Customer actions to the CRM: after each published run, its action list (the CRM's customer id and what
 * to do, nothing else) is written as a CSV file into the CRM's outbox and, when configured, POSTed as
 * JSON to the CRM's REST endpoint with bounded retries; every export is recorded by the engine.
 * Start it with {@link org.rapport.integration.crmexport.CrmExport#start}.
 */
package org.rapport.integration.crmexport;
