package org.rapport.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rapport.rules.engine.CompiledRuleSet;
import org.rapport.rules.engine.CustomerEvaluation;
import org.rapport.rules.engine.DefaultRuleSet;
import org.rapport.rules.engine.RuleSetCompiler;
import org.rapport.rules.facts.CustomerProfile;

/**
 * A plain companion to the JMH benchmark for a shared machine: scores 1,000,000 generated customers
 * on two threads, round after round, and prints customers per second by the wall clock and by the
 * CPU time the process actually got (normalised to two cores), since other processes' load moves
 * the wall-clock figure. Run: {@code java -cp <classpath> org.rapport.bench.ScoringThroughput [rounds]}.
 */
public final class ScoringThroughput {

    private ScoringThroughput() {
    }

    public static void main(String[] arguments) throws Exception {
        int rounds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 10;
        int customers = 1_000_000;
        int threads = 2;
        CompiledRuleSet rules = new RuleSetCompiler().compile(DefaultRuleSet.files());
        List<CustomerProfile> profiles = CustomerProfiles.generate(customers, 42);
        var system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 1; round <= rounds; round++) {
                long cpuBefore = system.getProcessCpuTime();
                long wallBefore = System.nanoTime();
                List<Future<CustomerEvaluation>> running = new ArrayList<>();
                for (int part = 0; part < threads; part++) {
                    List<CustomerProfile> partition = profiles.subList(part * customers / threads, (part + 1) * customers / threads);
                    running.add(executor.submit(() -> rules.score(partition)));
                }
                long scored = 0;
                for (Future<CustomerEvaluation> partition : running) {
                    scored += partition.get().scores().size();
                }
                double wall = (System.nanoTime() - wallBefore) / 1e9;
                double cpu = (system.getProcessCpuTime() - cpuBefore) / 1e9;
                System.out.printf("round %2d: %,d customers (%,d scored): %,.0f/s wall clock, %,.0f/s on %d cores by CPU time"
                        + " (%.2f us CPU per customer), load average %.1f%n", round, customers, scored, customers / wall,
                        threads * customers / cpu, threads, cpu * 1e6 / customers, system.getSystemLoadAverage());
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
