package org.flscale.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr with an estimate of the time left, weighted by the estimated
 * cost of the cells (so one big cell does not fool the estimate). Redrawn every second.
 */
public final class ProgressBar implements AutoCloseable {
  private final PrintStream err;
  private final String unit;
  private final double delay;
  private final double totalCost;
  private final int totalCells;
  private final long start = System.nanoTime();
  private double doneCost;
  private int doneCells;
  private final Thread ticker;
  private volatile boolean closed;
  /** On a terminal the bar is redrawn in place; in a log file a line is written per finished cell. */
  private final boolean interactive = System.console() != null;
  private int lastDrawnCells = -1;

  public ProgressBar(PrintStream err, int totalCells, double totalCost) {
    this(err, "cells", totalCells, totalCost, 0);
  }

  /**
   * @param unit what is counted ("cells", "patterns")
   * @param delaySeconds nothing is drawn before this: a run that ends sooner shows no bar
   */
  public ProgressBar(PrintStream err, String unit, int totalCells, double totalCost, double delaySeconds) {
    this.err = err;
    this.unit = unit;
    this.delay = delaySeconds;
    this.totalCells = totalCells;
    this.totalCost = totalCost;
    ticker = new Thread(() -> {
      while (!closed) {
        draw(false);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "progress");
    ticker.setDaemon(true);
    if (totalCells > 0) ticker.start();
  }

  /** Sets the total when it becomes known after the start. */
  public synchronized void total(int cells, double cost) {
    totalCellsNow = cells;
    totalCostNow = cost;
  }

  private int totalCellsNow = -1;
  private double totalCostNow = -1;

  public synchronized void done(double cost) {
    doneCost += cost;
    doneCells++;
  }

  private synchronized void draw(boolean last) {
    if ((System.nanoTime() - start) * 1e-9 < delay) return;
    if (!interactive && !last && doneCells == lastDrawnCells) return;
    int totalCells = totalCellsNow >= 0 ? totalCellsNow : this.totalCells;
    double totalCost = totalCostNow >= 0 ? totalCostNow : this.totalCost;
    lastDrawnCells = doneCells;
    double elapsed = (System.nanoTime() - start) * 1e-9;
    double frac = totalCost > 0 ? Math.min(1, doneCost / totalCost) : 1;
    int width = 30, fill = (int) Math.round(frac * width);
    String eta = doneCost > 0 ? clock(elapsed * (totalCost - doneCost) / doneCost) : "?";
    err.printf(Locale.ROOT, (interactive ? "\r" : "") + "[%s%s] %3.0f%% %d/%d " + unit + ", %s elapsed, ~%s left   %s", "#".repeat(fill), " ".repeat(width - fill),
        100 * frac, doneCells, totalCells, clock(elapsed), last ? "0:00" : eta, last || !interactive ? "\n" : "");
    err.flush();
  }

  public static String clock(double s) {
    long t = Math.round(s);
    return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
  }

  @Override
  public void close() {
    closed = true;
    ticker.interrupt();
    if (totalCells > 0) draw(true);
  }
}
