package org.flscale.spark;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.flscale.verify.Cell;
import org.flscale.verify.CellRecord;
import org.flscale.verify.SweepEngine;
import org.flscale.verify.SweepJob;
import org.flscale.verify.SweepRunner;
import org.flscale.verify.VerifyException;
import scala.reflect.ClassTag$;

/**
 * The cells of a sweep as Spark tasks: {@code parallelize(cells, one partition each).map(run the
 * cell)}, each record handed to the driver as its task finishes (a result handler of the job, not
 * a collect at the end), so that cells.jsonl grows as the run goes and a killed run keeps every
 * finished cell. A task that fails (a lost executor) is retried by Spark up to
 * spark.task.maxFailures times; the retry gives the same record, since a cell is a pure function
 * of the shipped {@link SweepJob} and its seed.
 */
public final class SparkSweepEngine implements SweepEngine {
  public static final String NAME = "spark";
  static final String DEFAULT_MASTER = "local[2]";

  /** How an executor turns a cell into a record; tests put a failure in front of it. */
  interface CellTask extends Serializable {
    CellRecord run(SweepJob job, Cell cell);
  }

  /** How long a job may wait for its first task to start (an executor to take it), in seconds: spark.flscale.startTimeout. */
  static final String START_TIMEOUT = "spark.flscale.startTimeout";
  static final long DEFAULT_START_TIMEOUT_S = 300;

  private final JavaSparkContext context;
  private final boolean owned;
  private final CellTask task;
  private final long startTimeoutSeconds;

  /** On a context the caller owns (tests share one), with a task and a start timeout of its own. */
  SparkSweepEngine(JavaSparkContext context, CellTask task, long startTimeoutSeconds) {
    this.context = context;
    this.owned = false;
    this.task = task;
    this.startTimeoutSeconds = startTimeoutSeconds;
  }

  SparkSweepEngine(JavaSparkContext context, CellTask task) {
    this(context, task, DEFAULT_START_TIMEOUT_S);
  }

  private SparkSweepEngine(JavaSparkContext context, boolean owned) {
    this.context = context;
    this.owned = owned;
    this.task = (job, cell) -> job.runner().runCell(cell);
    this.startTimeoutSeconds = context.getConf().getLong(START_TIMEOUT, DEFAULT_START_TIMEOUT_S);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String describe() {
    // a cluster's task slots are its executors' cores, known only once they have registered
    if (!context.master().startsWith("local")) return "Spark " + context.master() + " (as many task slots as its executors have cores)";
    return "Spark " + context.master() + " (" + context.defaultParallelism() + " task slots)";
  }

  @Override
  public void run(SweepRunner runner, List<Cell> cells, Consumer<CellRecord> done) {
    if (cells.isEmpty()) return;
    SweepJob job = runner.job();
    if (job == null) throw new IllegalStateException("this sweep runner has no job to ship (made without its text)");
    if (!runner.model().threadSafe()) {
      throw new VerifyException("--engine spark: an activation of " + runner.model().name() + " is evaluated by the rule engine, which only its own"
          + " thread may use; run it with the local engine");
    }
    CellTask t = task;
    JavaRDD<CellRecord> records = context.parallelize(cells, cells.size()).map(c -> t.run(job, c));
    String group = "flscale-" + runner.model().name() + "-" + java.util.UUID.randomUUID();
    context.setJobGroup(group, "flscale verify " + runner.model().name(), true);
    try (StartWatch watch = new StartWatch(context, group, startTimeoutSeconds)) {
      try {
        // one record per partition; the handler runs on the driver as each task succeeds
        context.sc().runJob(records.rdd(), Partitions.first(), Partitions.handler(done),
            ClassTag$.MODULE$.apply(CellRecord.class));
      } catch (Exception e) { // Spark's SparkException is checked in Java's eyes but thrown all the same
        context.cancelJobGroup(group);
        if (watch.fired()) {
          throw new VerifyException("--engine spark: no executor of " + context.master() + " started a task within " + startTimeoutSeconds
              + " s; check that its workers are registered and offer the cores and memory the job asks for (spark.executor.cores,"
              + " spark.executor.memory), or wait longer with -D" + START_TIMEOUT + "=SECONDS");
        }
        throw new VerifyException("--engine spark: a cell failed on each of its attempts (spark.task.maxFailures = "
            + context.getConf().get("spark.task.maxFailures", "4") + "): " + rootCause(e)
            + "; the cells finished before it are kept in cells.jsonl, and --resume runs only the rest");
      }
    } finally {
      context.clearJobGroup();
    }
  }

  private static String rootCause(Throwable e) {
    while (e.getCause() != null && e.getCause() != e) e = e.getCause();
    return e.toString();
  }

  @Override
  public void close() {
    if (owned) context.stop();
  }

  /**
   * The SparkConf of a run: the master (--master; else spark.master as spark-submit or a
   * -Dspark.master sets it; else local[2]), a name, retries, no UI, and for a cluster the jars the
   * executors need (unless spark.jars is given).
   */
  static SparkConf conf(String master) {
    SparkConf conf = new SparkConf();
    if (master != null) conf.setMaster(master);
    else conf.setIfMissing("spark.master", DEFAULT_MASTER);
    conf.setAppName("flscale verify")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .setIfMissing("spark.task.maxFailures", "4");
    if (!conf.get("spark.master").startsWith("local") && !conf.contains("spark.jars")) conf.setJars(ExecutorJars.list().toArray(new String[0]));
    return conf;
  }

  /** Listed in META-INF/services: {@code --engine spark [--master URL]}. */
  public static final class Provider implements SweepEngine.Provider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public SweepEngine open(Settings settings) {
      String master = settings.master();
      try {
        // a context already running in this JVM (an application embedding flscale, the tests) is used and left running
        String mark = java.util.UUID.randomUUID().toString();
        SparkContext sc = SparkContext.getOrCreate(conf(master).set("spark.flscale.opened", mark));
        return new SparkSweepEngine(JavaSparkContext.fromSparkContext(sc), mark.equals(sc.getConf().get("spark.flscale.opened", "")));
      } catch (Exception e) { // a bad master URL is a SparkException, checked in Java's eyes
        throw new VerifyException("--master " + (master != null ? master : DEFAULT_MASTER) + ": Spark did not start (" + e.getMessage() + ")");
      }
    }
  }
}
