package org.flscale.cli.verify;

import org.flscale.verify.SweepEngine;
import picocli.CommandLine.Option;

/** Where the cells run: the local thread pool (default) or a distributed engine such as Spark. */
public final class EngineOptions {
  @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
      description = "local (default: a thread pool in this JVM) or spark (the flscale-spark module: the cells as Spark tasks).")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "With --engine spark: the Spark master (default local[2]; spark://HOST:7077, yarn, k8s://https://HOST:PORT).")
  String master;

  SweepEngine.Settings settings(int threads) {
    return new SweepEngine.Settings(engine, master, threads);
  }
}
