package org.flscale.spark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Cancels a job group whose tasks have not started within a timeout. A cluster that accepts the
 * application but never gives it an executor (no worker registered, or none with the cores and
 * memory asked for) leaves Spark waiting for ever; a sweep must not run unbounded, and its user
 * should read why it stopped. Whether a task started is read from Spark's status tracker.
 */
final class StartWatch implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "flscale-spark-start-watch");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean fired = new AtomicBoolean();

  StartWatch(JavaSparkContext context, String group, long timeoutSeconds) {
    timer.schedule(() -> {
      if (!started(context, group)) {
        fired.set(true);
        context.cancelJobGroup(group);
      }
    }, timeoutSeconds, TimeUnit.SECONDS);
  }

  /** Whether any task of the group's jobs is running or has run. */
  private static boolean started(JavaSparkContext context, String group) {
    for (int jobId : context.statusTracker().getJobIdsForGroup(group)) {
      SparkJobInfo job = context.statusTracker().getJobInfo(jobId);
      if (job == null) continue;
      for (int stageId : job.stageIds()) {
        SparkStageInfo stage = context.statusTracker().getStageInfo(stageId);
        if (stage != null && stage.numActiveTasks() + stage.numCompletedTasks() + stage.numFailedTasks() > 0) return true;
      }
    }
    return false;
  }

  /** Whether the timeout cancelled the group. */
  boolean fired() {
    return fired.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
