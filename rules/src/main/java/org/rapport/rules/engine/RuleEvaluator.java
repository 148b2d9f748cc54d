package org.rapport.rules.engine;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Fires rules inside a {@link RuleBudget}: each evaluation runs on a small pool of daemon threads of
 * its own, while the caller waits at most the budget's time; the memory its thread allocates is
 * checked before and after every firing, and the session is halted once it is over.
 *
 * <p>What a budget cannot do is stop a thread in the middle of one firing: Java has no safe way to
 * end a thread that does not ask. So work that could spin inside one consequence is refused before
 * a rule set ever runs ({@link GeneratedCodeCheck}: no loops, no recursion, no arrays of any size,
 * no calls that do unbounded work in one go), and what is left — a rule that keeps firing, grows
 * without end or is too slow — is stopped between firings here: halted at the deadline or when over
 * its memory, and reported naming the rule that was firing. Should a firing still overrun, the
 * caller is answered at the deadline all the same, the thread is interrupted and, being a daemon in
 * a bounded pool, can neither hold the server up at shutdown nor multiply. Thread-safe.
 */
final class RuleEvaluator {

    private static final System.Logger LOG = System.getLogger(RuleEvaluator.class.getName());
    private static final AtomicInteger POOLS = new AtomicInteger();

    private static volatile RuleEvaluator shared;

    private final RuleBudget budget;
    private final ThreadPoolExecutor pool;

    RuleEvaluator(RuleBudget budget) {
        this.budget = budget;
        int poolNumber = POOLS.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory daemons = work -> {
            Thread thread = new Thread(work, "rapport-rules-" + poolNumber + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(budget.threads(), budget.threads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons);
        pool.allowCoreThreadTimeOut(true);
    }

    /** The evaluator of the configured budget, shared by every rule set compiled without a budget of its own. */
    static RuleEvaluator shared() {
        RuleEvaluator evaluator = shared;
        if (evaluator == null) {
            synchronized (RuleEvaluator.class) {
                if (shared == null) {
                    shared = new RuleEvaluator(RuleBudget.configured());
                }
                evaluator = shared;
            }
        }
        return evaluator;
    }

    RuleBudget budget() {
        return budget;
    }

    private final Object idle = new Object();
    private int running;

    /** How many evaluations are still running on this evaluator's threads, those stopped at their deadline included. */
    int running() {
        synchronized (idle) {
            return running;
        }
    }

    /** Waits until no evaluation runs on this evaluator's threads, or {@code timeout} passes; true when none runs. */
    boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    private void started() {
        synchronized (idle) {
            running++;
        }
    }

    private void finished() {
        synchronized (idle) {
            running--;
            idle.notifyAll();
        }
    }

    /**
     * Runs {@code evaluation} (inserting facts and firing the session's rules) within the budget.
     *
     * @throws RuleEvaluationException when it fails, or goes over its time or memory, naming the rule firing then
     */
    void run(KieSession session, String what, Runnable evaluation) {
        Watch watch = new Watch(session, budget.maxAllocatedBytes());
        session.addEventListener(watch);
        ClassLoader callerLoader = Thread.currentThread().getContextClassLoader();
        await(session, what, watch, submit(what, evaluation, watch, callerLoader));
    }

    private Future<?> submit(String what, Runnable evaluation, Watch watch, ClassLoader callerLoader) {
        return pool.submit(() -> {
            started();
            Thread thread = Thread.currentThread();
            ClassLoader own = thread.getContextClassLoader();
            thread.setContextClassLoader(callerLoader);
            try {
                watch.start();
                evaluation.run();
                watch.checkAfterwards(what);
            } finally {
                thread.setContextClassLoader(own);
                finished();
            }
            return null;
        });
    }

    private void await(KieSession session, String what, Watch watch, Future<?> running) {
        try {
            running.get(budget.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            session.halt();
            running.cancel(true);
            String rule = watch.firing();
            LOG.log(System.Logger.Level.WARNING, what + " stopped at its deadline while rule \"" + rule + "\" was firing");
            throw new RuleEvaluationException(what + " took longer than its budget of " + budget.timeout().toSeconds()
                    + " s (" + RuleBudget.TIMEOUT_SECONDS + ") and was stopped while rule \"" + rule + "\" was firing",
                    rule, watch.file(), null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            session.halt();
            running.cancel(true);
            throw new RuleEvaluationException(what + " was interrupted", watch.firing(), watch.file(), interrupted);
        } catch (ExecutionException failed) {
            throw translated(failed.getCause(), what, watch);
        }
    }

    private RuleEvaluationException translated(Throwable failure, String what, Watch watch) {
        if (failure instanceof RuleEvaluationException evaluation) {
            return evaluation;
        }
        String rule = watch.firing();
        String where = "rule \"" + rule + "\"" + (watch.file() == null ? "" : " in " + watch.file());
        if (failure instanceof OutOfMemoryError) {
            return new RuleEvaluationException(what + " ran out of memory in " + where, rule, watch.file(), failure);
        }
        if (failure instanceof StackOverflowError) {
            return new RuleEvaluationException(what + " overflowed the stack in " + where + " (recursion?)", rule,
                    watch.file(), failure);
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        return new RuleEvaluationException(what + " failed in " + where + ": " + failure, rule, watch.file(), failure);
    }

    /**
     * The bytes the current thread has allocated, from the HotSpot extension of the thread MX bean; 0 (no check)
     * where the runtime does not offer it or a module system hides it.
     */
    private static final class AllocationCounter {

        private static final com.sun.management.ThreadMXBean THREADS = threads();

        private static com.sun.management.ThreadMXBean threads() {
            try {
                if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot
                        && hotspot.isThreadAllocatedMemorySupported()) {
                    hotspot.setThreadAllocatedMemoryEnabled(true);
                    return hotspot;
                }
            } catch (LinkageError | UnsupportedOperationException | SecurityException unavailable) {
                LOG.log(System.Logger.Level.WARNING, "Rule evaluations are not checked for memory: " + unavailable);
            }
            return null;
        }

        static long allocatedByThisThread() {
            return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
        }
    }

    /** Follows one evaluation: the rule firing now, and the memory its thread has allocated. */
    private static final class Watch extends DefaultAgendaEventListener {

        private final KieSession session;
        private final long maxAllocatedBytes;
        private volatile Rule firing;
        private volatile Rule overBudget;
        private long allocatedAtStart;

        Watch(KieSession session, long maxAllocatedBytes) {
            this.session = session;
            this.maxAllocatedBytes = maxAllocatedBytes;
        }

        void start() {
            allocatedAtStart = allocated();
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firing = event.getMatch().getRule();
            checkMemory(firing);
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            checkMemory(event.getMatch().getRule());
        }

        private void checkMemory(Rule rule) {
            if (overBudget == null && allocated() - allocatedAtStart > maxAllocatedBytes) {
                overBudget = rule;
                session.halt();
            }
        }

        /** After the evaluation: memory over budget, found between firings or while inserting facts. */
        void checkAfterwards(String what) {
            Rule culprit = overBudget;
            if (culprit == null && allocated() - allocatedAtStart > maxAllocatedBytes) {
                culprit = firing;
            }
            if (culprit != null || overBudget != null) {
                String name = culprit == null ? "(inserting facts)" : culprit.getName();
                throw new RuleEvaluationException(what + " allocated more than its budget of "
                        + maxAllocatedBytes / (1024 * 1024) + " MB (" + RuleBudget.MAX_ALLOCATED_MB + ") and was stopped"
                        + " in rule \"" + name + "\"", name, fileOf(culprit), null);
            }
        }

        String firing() {
            Rule rule = firing;
            return rule == null ? "(none: inserting facts)" : rule.getName();
        }

        String file() {
            return fileOf(firing);
        }

        private static String fileOf(Rule rule) {
            return rule instanceof RuleImpl impl && impl.getResource() != null
                    ? RuleSetCompiler.fileName(impl.getResource().getSourcePath()) : null;
        }

        private static long allocated() {
            return AllocationCounter.allocatedByThisThread();
        }
    }
}
