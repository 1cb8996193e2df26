package org.flscale.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a cluster's executors need on their class path besides Spark: the flscale jar, the Spark
 * module's jar, and flscale's own libraries (the lib/ folder beside the flscale jar, which holds
 * no Spark). Spark ships them to each executor (spark.jars).
 */
final class ExecutorJars {
  private ExecutorJars() {}

  static List<String> list() {
    List<String> out = new ArrayList<>();
    Path core = location(org.flscale.verify.SweepJob.class);
    Path self = location(SparkSweepEngine.class);
    for (Path p : List.of(core, self)) if (p != null && p.toString().endsWith(".jar")) out.add(p.toUri().toString());
    if (core != null && core.getParent() != null) {
      Path lib = core.getParent().resolve("lib");
      if (Files.isDirectory(lib)) {
        try (Stream<Path> s = Files.list(lib)) {
          s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> out.add(p.toUri().toString()));
        } catch (IOException e) {
          // the executors then lack the libraries: Spark names the missing class
        }
      }
    }
    return out;
  }

  private static Path location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
