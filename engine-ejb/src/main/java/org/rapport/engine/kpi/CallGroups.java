package org.rapport.engine.kpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups a month's calls are tallied in — a caller profile ({@link Callers.Profile}) and a channel —
 * each with its sums and a count of calls per whole second to a human. A company has a few dozen; a call
 * finds its group by two array look-ups. Not thread-safe.
 */
final class CallGroups {

    /** Receives one second of the histogram and its calls. */
    interface SecondsConsumer {
        void accept(long seconds, long calls);
    }

    private final int width;
    private final Map<String, Integer> channelNumbers = new HashMap<>();
    private final List<String> channels = new ArrayList<>();
    /** [profile][channel] → group number + 1, 0 for none yet. */
    private int[][] numbers = new int[0][];
    private final List<long[]> sums = new ArrayList<>();
    private final List<Integer> profiles = new ArrayList<>();
    private final List<Integer> channelOfGroup = new ArrayList<>();
    private final List<Map<Integer, long[]>> secondsToHuman = new ArrayList<>();

    CallGroups(int width) {
        this.width = width;
    }

    /** The group of {@code profile}'s calls in {@code channel} (which may be null), made on first sight. */
    int of(int profile, String channel) {
        int channelNumber = channelNumbers.computeIfAbsent(channel, key -> {
            channels.add(key);
            return channels.size() - 1;
        });
        if (profile >= numbers.length) {
            numbers = Arrays.copyOf(numbers, Math.max(profile + 1, numbers.length * 2));
        }
        int[] ofProfile = numbers[profile];
        if (ofProfile == null || channelNumber >= ofProfile.length) {
            ofProfile = ofProfile == null ? new int[channels.size() + 4]
                    : Arrays.copyOf(ofProfile, channels.size() + 4);
            numbers[profile] = ofProfile;
        }
        if (ofProfile[channelNumber] == 0) {
            sums.add(new long[width]);
            profiles.add(profile);
            channelOfGroup.add(channelNumber);
            secondsToHuman.add(new HashMap<>());
            ofProfile[channelNumber] = sums.size();
        }
        return ofProfile[channelNumber] - 1;
    }

    long[] sums(int group) {
        return sums.get(group);
    }

    void secondsToHuman(int group, int seconds) {
        secondsToHuman.get(group).computeIfAbsent(seconds, key -> new long[1])[0]++;
    }

    void forEachSecondsToHuman(int group, SecondsConsumer consumer) {
        secondsToHuman.get(group).forEach((seconds, calls) -> consumer.accept(seconds, calls[0]));
    }

    int count() {
        return sums.size();
    }

    int profileOf(int group) {
        return profiles.get(group);
    }

    String channelOf(int group) {
        return channels.get(channelOfGroup.get(group));
    }
}
