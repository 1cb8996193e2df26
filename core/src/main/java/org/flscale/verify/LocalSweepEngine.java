package org.flscale.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The embedded default: the cells on a fixed thread pool in this JVM (independent chains in
 * parallel), or one after another on the calling thread when an activation is evaluated by the
 * rule engine, which only its own thread may use.
 */
public final class LocalSweepEngine implements SweepEngine {
  public static final String NAME = "local";
  private final int threads;

  public LocalSweepEngine(int threads) {
    this.threads = Math.max(1, threads);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String describe() {
    return threads + " thread(s)";
  }

  @Override
  public void run(SweepRunner runner, List<Cell> cells, Consumer<CellRecord> done) {
    if (!runner.model().threadSafe()) {
      for (Cell c : cells) done.accept(runner.runCell(c));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "verify-cell");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Cell c : cells) futures.add(pool.submit(() -> done.accept(runner.runCell(c))));
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("a cell failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
