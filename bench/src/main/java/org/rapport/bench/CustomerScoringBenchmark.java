package org.rapport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rapport.rules.engine.CompiledRuleSet;
import org.rapport.rules.engine.CustomerEvaluation;
import org.rapport.rules.engine.DefaultRuleSet;
import org.rapport.rules.engine.RuleSetCompiler;
import org.rapport.rules.facts.CustomerProfile;

/**
 * Scores 1,000,000 generated customers with the default rule set, the way the monthly run does:
 * the customer base split into one partition per thread, each partition scored in batches of
 * sessions. The score is customers per second (one operation = one customer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CustomerScoringBenchmark.CUSTOMERS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class CustomerScoringBenchmark {

    static final int CUSTOMERS = 1_000_000;

    @Param({"1", "2"})
    int threads;

    private CompiledRuleSet rules;
    private List<List<CustomerProfile>> partitions;
    private ExecutorService executor;

    @Setup(Level.Trial)
    public void compileAndGenerate() throws Exception {
        rules = new RuleSetCompiler().compile(DefaultRuleSet.files());
        List<CustomerProfile> customers = CustomerProfiles.generate(CUSTOMERS, 42);
        partitions = new ArrayList<>();
        int size = (CUSTOMERS + threads - 1) / threads;
        for (int from = 0; from < CUSTOMERS; from += size) {
            partitions.add(customers.subList(from, Math.min(CUSTOMERS, from + size)));
        }
        executor = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void stop() {
        executor.shutdownNow();
    }

    @Benchmark
    public void scoreOneMillionCustomers(Blackhole results) throws InterruptedException, ExecutionException {
        List<Future<CustomerEvaluation>> running = new ArrayList<>();
        for (List<CustomerProfile> partition : partitions) {
            running.add(executor.submit(() -> rules.score(partition)));
        }
        for (Future<CustomerEvaluation> partition : running) {
            results.consume(partition.get());
        }
    }
}
