package org.flscale.verify;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the cells of a sweep run: the built-in thread pool ({@link LocalSweepEngine}), or an engine
 * found on the class path by {@link SweepEngines} (the JDK's ServiceLoader, like {@link NetworkKinds}),
 * such as the Spark executor of the flscale-spark module. An engine runs the cells it is given and
 * hands each record to {@code done} as soon as the cell is finished, so that the driver writes
 * cells.jsonl as it goes; which cells still need running ({@code --resume}) is decided before.
 */
public interface SweepEngine extends AutoCloseable {
  /** The name {@code --engine} selects it by. */
  String name();

  /**
   * Runs the cells (largest first as given) with the runner's model and plan; {@code done} may be
   * called from any thread, one record at a time. Returns when every cell is done; a cell that
   * fails for good ends the run with an exception after the finished ones were handed over.
   */
  void run(SweepRunner runner, List<Cell> cells, Consumer<CellRecord> done);

  /** A line for the run's header, e.g. "2 threads" or "Spark local[2]". */
  String describe();

  /** Releases what the engine started (a pool, a Spark context). */
  @Override
  default void close() {}

  /**
   * Makes engines of one name; implementations are listed in
   * {@code META-INF/services/org.flscale.verify.SweepEngine$Provider}.
   */
  interface Provider {
    String name();

    /** An engine with these settings; master is null when the user gave none (the engine's default). */
    SweepEngine open(Settings settings);
  }

  /** What the command line says about the engine: --engine, --master and --threads. */
  record Settings(String engine, String master, int threads) {
    public static Settings local(int threads) {
      return new Settings(LocalSweepEngine.NAME, null, threads);
    }
  }
}
