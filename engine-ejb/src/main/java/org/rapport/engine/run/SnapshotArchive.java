package org.rapport.engine.run;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import org.rapport.engine.snapshot.RunSnapshot;

/**
 * Keeps the snapshot a pack was rendered from, as JSON beside the pack, so that re-rendering an
 * archived month uses exactly those figures — not live tables that later deliveries or an erasure
 * request have since changed. Thread-safe.
 */
public final class SnapshotArchive {

    private SnapshotArchive() {
    }

    public static String toJson(RunSnapshot snapshot) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(snapshot);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot archive the snapshot of run " + snapshot.runId(), e);
        }
    }

    public static RunSnapshot fromJson(String json) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(json, RunSnapshot.class);
        } catch (JsonbException e) {
            throw new IllegalStateException("An archived snapshot cannot be read back", e);
        } catch (Exception e) {
            throw new IllegalStateException("JSON-B could not be closed", e);
        }
    }
}
