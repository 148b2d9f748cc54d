package org.rapport.rules.engine;

import java.util.concurrent.ExecutorService;

import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.kie.internal.concurrent.ExecutorProviderFactory;

/**
 * Stops the thread pools Drools keeps in static fields and never stops by itself: the pool behind
 * {@code KieExecutors} (threads {@code drools-worker-n}, core threads that never time out) and the pool the
 * knowledge builder compiles rules in ({@code ForkJoinPool-n-worker-n}). In a server, Drools' classes come with
 * the application, and these threads hold the application's class loader (as their context class loader, and
 * through their own classes): left running, each redeployment keeps a whole copy of the application, classes and
 * caches, until the server runs out of memory. To be called once, when the application stops; Drools cannot
 * compile in this class loader afterwards.
 */
public final class DroolsThreads {

    private DroolsThreads() {
    }

    /** Asks both pools to stop; their idle threads end now, busy ones when their task is done. */
    public static void stop() {
        stop(ExecutorProviderFactory.getExecutorProvider().getExecutor());
        stop(KnowledgeBuilderImpl.ForkJoinPoolHolder.COMPILER_POOL);
    }

    private static void stop(ExecutorService pool) {
        try {
            pool.shutdown();
        } catch (IllegalStateException | SecurityException e) {
            // a container's managed executor (drools.executorService): the container owns its threads
        }
    }
}
