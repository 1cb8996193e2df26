package org.flscale.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The sweep engines by name: "local" built in, and every {@link SweepEngine.Provider} on the class
 * path. An engine that is not there (the Spark module not built or not on the class path) is a
 * user error that says how to get it.
 */
public final class SweepEngines {
  private SweepEngines() {}

  public static SweepEngine open(SweepEngine.Settings settings) {
    String name = settings.engine();
    if (name == null || name.equals(LocalSweepEngine.NAME)) {
      if (settings.master() != null) throw new VerifyException("--master is for a distributed engine (--engine spark); the local engine runs threads");
      return new LocalSweepEngine(settings.threads());
    }
    List<String> known = new ArrayList<>(List.of(LocalSweepEngine.NAME));
    for (SweepEngine.Provider p : ServiceLoader.load(SweepEngine.Provider.class)) {
      if (p.name().equals(name)) return p.open(settings);
      known.add(p.name());
    }
    if (name.equals("spark")) {
      throw new VerifyException("--engine spark: the Spark engine is not on the class path; build it with 'mvn -B -DskipTests package'"
          + " and run through ./flscale, which adds spark/target when --engine spark is given (see README, Sweeps on Apache Spark)");
    }
    throw new VerifyException("--engine " + name + ": no such engine; known: " + String.join(", ", known));
  }
}
