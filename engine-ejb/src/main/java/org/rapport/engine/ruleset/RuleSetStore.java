package org.rapport.engine.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.rapport.rules.engine.DefaultRuleSet;
import org.rapport.rules.engine.RuleFileSource;

/** Rule-set versions in the store. A new installation starts from the rules module's default set. */
public class RuleSetStore {

    static final String SYSTEM_AUTHOR = "system (first start)";

    private final EntityManager entityManager;
    private final Clock clock;

    public RuleSetStore(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The active version; on a first start, the default rule set becomes version 1 and is activated. */
    public RuleSetVersion activeOrSeedDefault() {
        List<RuleSetVersion> active = entityManager.createQuery(
                        "select v from RuleSetVersion v where v.status = :active order by v.id desc", RuleSetVersion.class)
                .setParameter("active", RuleSetStatus.ACTIVE)
                .setMaxResults(1)
                .getResultList();
        if (!active.isEmpty()) {
            return active.get(0);
        }
        // The scenarios travel with the rules, so every later validation runs them too.
        List<RuleFileSource> files = new java.util.ArrayList<>(DefaultRuleSet.files());
        files.addAll(DefaultRuleSet.scenarios());
        RuleSetVersion seeded = new RuleSetVersion(DefaultRuleSet.LABEL, checksum(files), SYSTEM_AUTHOR,
                clock.instant(), RuleSetStatus.ACTIVE);
        files.forEach(file -> seeded.addFile(file.name(), file.content()));
        entityManager.persist(seeded);
        return seeded;
    }

    /** The files of a version, as the compiler takes them. */
    public static List<RuleFileSource> sources(RuleSetVersion version) {
        return version.getFiles().stream().map(file -> new RuleFileSource(file.getName(), file.getContent())).toList();
    }

    /** SHA-256 over names and contents in name order: the identity of a rule set's content. */
    static String checksum(List<RuleFileSource> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(RuleFileSource::name)).forEach(file -> {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
