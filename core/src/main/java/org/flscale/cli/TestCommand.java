package org.flscale.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flscale.suite.RegressionSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** flscale test [DIR]: the regression suite of the rule set. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run the regression suite: each NAME.arch against NAME.expected.json "
        + "(and each NAME.arch of a folder named invalid against NAME.expected-error), over the whole tree. Exit status 1 when a case fails.")
public final class TestCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "DIR",
      description = "Directory of test cases (default: ./test-cases, else the installation's test-cases/)")
  Path dir;

  @Option(names = "--update", description = "Rewrite NAME.expected.json and invalid/NAME.expected-error from the current "
      + "rules instead of checking (review the diff before committing it).")
  boolean update;

  @Mixin RulesOption rules;

  @Override
  public Integer call() throws IOException {
    Path d = dir != null ? dir : defaultDirectory(Path.of(""), System.getProperty("flscale.home"));
    if (!Files.isDirectory(d)) throw new UserError("no test-case directory " + d);
    RegressionSuite suite = new RegressionSuite(rules.load());
    if (update) return update(suite, d);
    List<RegressionSuite.Result> results = suite.runAll(d);
    suite.rules().saveCache();
    int failed = 0;
    for (RegressionSuite.Result r : results) {
      System.out.println((r.passed() ? "PASS  " : "FAIL  ") + r.name());
      for (String diff : r.differences()) System.out.println("        " + diff);
      if (!r.passed()) failed++;
    }
    System.out.println((results.size() - failed) + " passed, " + failed + " failed");
    return failed == 0 ? 0 : 1;
  }

  /** ./test-cases in a checkout; elsewhere the installation's (the launcher sets flscale.home). */
  static Path defaultDirectory(Path workingDir, String home) {
    Path here = workingDir.resolve("test-cases");
    if (Files.isDirectory(here)) return here;
    if (home != null && Files.isDirectory(Path.of(home, "test-cases"))) return Path.of(home, "test-cases");
    throw new UserError("no test-cases/ here" + (home == null ? "" : " nor in " + home)
        + "; pass the directory, e.g. 'flscale test /path/to/flscale/test-cases'");
  }

  private static int update(RegressionSuite suite, Path d) throws IOException {
    for (Path p : RegressionSuite.valid(d)) {
      suite.writeExpected(p);
      System.out.println("wrote " + RegressionSuite.name(d, p) + ".expected.json");
    }
    int accepted = 0;
    for (Path p : RegressionSuite.invalid(d)) {
      String name = RegressionSuite.name(d, p);
      if (suite.writeExpectedError(p)) {
        System.out.println("wrote " + name + ".expected-error");
      } else {
        System.out.println("KEPT  " + name + ".expected-error: " + p.getFileName() + " is now accepted; fix or remove the case");
        accepted++;
      }
    }
    return accepted == 0 ? 0 : 1;
  }
}
