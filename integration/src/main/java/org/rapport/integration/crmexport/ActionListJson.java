package org.rapport.integration.crmexport;

import java.util.List;

import org.rapport.engine.engagement.ActionList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An action list as the CRM's REST endpoint receives it:
 * {@code {"run":42,"month":"2026-10","actions":[{"customerId":"C-1","action":"ADVOCATE_INVITE"}]}}.
 */
final class ActionListJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ActionListJson() {
    }

    static String of(ActionList list) {
        try {
            return JSON.writeValueAsString(new Body(list.runId(), list.month(), list.actions().stream()
                    .map(action -> new Item(action.customerId(), action.action())).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An action list always has a JSON form", e);
        }
    }

    /** The document posted. */
    record Body(long run, String month, List<Item> actions) {
    }

    /** One action: the CRM's customer id and what to do. */
    record Item(String customerId, String action) {
    }
}
