package org.rapport.integration.ivr;

/**
 * One line of an Asterisk queue_log, its event's data read into what deriving a call needs, whichever
 * way the log was stored.
 *
 * @param line     the line it is on
 * @param text     the line as delivered, for quarantine
 * @param time     when it was logged, seconds since the epoch
 * @param callId   the channel's uniqueid, shared by all events of a call
 * @param queue    the queue, or NONE
 * @param event    the event's name in upper case
 * @param callerId the caller's number (ENTERQUEUE), or null
 * @param hold     seconds waited until answered (CONNECT, COMPLETE…, TRANSFER…), or null
 * @param talk     seconds talked (COMPLETE…, TRANSFER…), or null
 * @param waited   seconds waited before leaving unanswered (ABANDON, EXIT…), or null
 */
record QueueEvent(long line, String text, long time, String callId, String queue, String event, String callerId,
        Integer hold, Integer talk, Integer waited) {
}
