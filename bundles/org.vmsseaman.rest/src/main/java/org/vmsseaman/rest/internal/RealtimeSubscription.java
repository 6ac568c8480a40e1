package org.vmsseaman.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which tags a realtime connection receives: tag id patterns ({@code *} matches any run of characters,
 * dots included) and groups (a tag's system). Immutable; a tag's answer is computed once and cached,
 * since the fan-out asks for every update.
 */
final class RealtimeSubscription {

    private final List<String> tags;
    private final List<String> groups;
    private final List<Pattern> compiled;
    private final Function<String, String> systemOf;
    private final boolean all;
    private final ConcurrentHashMap<String, Boolean> cache = new ConcurrentHashMap<>();

    RealtimeSubscription(Set<String> tags, Set<String> groups, Function<String, String> systemOf) {
        this.tags = List.copyOf(tags);
        this.groups = List.copyOf(groups);
        this.systemOf = systemOf;
        this.all = tags.contains("*");
        List<Pattern> patterns = new ArrayList<>();
        for (String t : tags) {
            patterns.add(glob(t));
        }
        this.compiled = List.copyOf(patterns);
    }

    /** Every tag. */
    static RealtimeSubscription everything(Function<String, String> systemOf) {
        return new RealtimeSubscription(Set.of("*"), Set.of(), systemOf);
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    List<String> tags() {
        return tags;
    }

    List<String> groups() {
        return groups;
    }

    /** The number of patterns and groups. */
    int size() {
        return tags.size() + groups.size();
    }

    /** Whether every tag matches. */
    boolean everything() {
        return all;
    }

    /** Whether updates of this tag go to the connection. */
    boolean matches(String tagId) {
        if (all) {
            return true;
        }
        return cache.computeIfAbsent(tagId, this::compute);
    }

    private Boolean compute(String tagId) {
        for (Pattern p : compiled) {
            if (p.matcher(tagId).matches()) {
                return true;
            }
        }
        if (!groups.isEmpty()) {
            String system = systemOf.apply(tagId);
            return system != null && groups.contains(system);
        }
        return false;
    }

    /** This subscription with more patterns and groups, or only those given if {@code replace}. */
    RealtimeSubscription plus(List<String> moreTags, List<String> moreGroups, boolean replace) {
        Set<String> t = new LinkedHashSet<>(replace ? List.of() : tags);
        Set<String> g = new LinkedHashSet<>(replace ? List.of() : groups);
        t.addAll(moreTags);
        g.addAll(moreGroups);
        return new RealtimeSubscription(t, g, systemOf);
    }

    /** This subscription without the given patterns and groups (exactly as they were subscribed). */
    RealtimeSubscription minus(List<String> lessTags, List<String> lessGroups) {
        Set<String> t = new LinkedHashSet<>(tags);
        Set<String> g = new LinkedHashSet<>(groups);
        lessTags.forEach(t::remove);
        lessGroups.forEach(g::remove);
        return new RealtimeSubscription(t, g, systemOf);
    }
}
