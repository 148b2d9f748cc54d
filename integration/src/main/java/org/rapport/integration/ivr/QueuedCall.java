package org.rapport.integration.ivr;

import java.util.Locale;

import org.rapport.integration.csv.BadFieldException;

/** A call while its queue_log events are read: where it is, and what has been counted. Not thread-safe. */
final class QueuedCall {

    /** Where the call is. */
    enum State {
        /** waiting in a queue */
        IN_QUEUE,
        /** connected to an agent */
        TALKING,
        /** left the queue or the agent (timeout, key, transfer), and may enter a queue again */
        LEFT,
        /** completed or abandoned: nothing more will come */
        ENDED
    }

    final String callId;
    final long firstLine;
    final String firstText;
    final long firstEnter;
    final String callerId;
    State state = State.IN_QUEUE;
    int queueSeconds;
    int talkSeconds;
    int transfers;
    boolean answered;
    long lastTime;
    private long enteredQueue;
    private long connected;

    QueuedCall(QueueEvent enter) {
        this.callId = enter.callId();
        this.firstLine = enter.line();
        this.firstText = enter.text();
        this.firstEnter = enter.time();
        this.callerId = enter.callerId();
        this.enteredQueue = enter.time();
        this.lastTime = enter.time();
    }

    void reenter(QueueEvent enter) {
        state = State.IN_QUEUE;
        enteredQueue = enter.time();
        lastTime = enter.time();
    }

    /** Counts one event of this call. */
    void take(QueueEvent event) throws BadFieldException {
        if (event.time() < enteredQueue) {
            throw new BadFieldException("time", "is before the call entered the queue (" + enteredQueue
                    + "): a negative wait");
        }
        lastTime = event.time();
        switch (event.event()) {
            case "CONNECT" -> connect(event);
            case "COMPLETEAGENT", "COMPLETECALLER" -> {
                finishTalk(event);
                state = State.ENDED;
            }
            case "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER" -> {
                finishTalk(event);
                transfers++;
                state = State.LEFT;
            }
            case "ABANDON" -> leaveQueue(event, State.ENDED);
            default -> leaveQueue(event, State.LEFT);
        }
    }

    private void connect(QueueEvent event) throws BadFieldException {
        requireState(event, State.IN_QUEUE);
        queueSeconds += event.hold() != null ? event.hold() : (int) (event.time() - enteredQueue);
        connected = event.time();
        answered = true;
        state = State.TALKING;
    }

    /** Ends the talk; when the CONNECT was lost (quarantined), the wait is the end event's holdtime. */
    private void finishTalk(QueueEvent event) {
        if (state == State.IN_QUEUE) {
            queueSeconds += event.hold() != null ? event.hold() : 0;
            connected = event.time() - (event.talk() != null ? event.talk() : 0);
            answered = true;
        }
        talkSeconds += event.talk() != null ? event.talk() : (int) (event.time() - connected);
    }

    private void leaveQueue(QueueEvent event, State next) throws BadFieldException {
        requireState(event, State.IN_QUEUE);
        queueSeconds += event.waited() != null ? event.waited() : (int) (event.time() - enteredQueue);
        state = next;
    }

    private void requireState(QueueEvent event, State expected) throws BadFieldException {
        if (state != expected) {
            throw new BadFieldException("event", event.event() + " for call '" + callId + "', which is "
                    + state.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " rather than "
                    + expected.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }
}
