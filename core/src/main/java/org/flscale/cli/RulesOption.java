package org.flscale.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flscale.rules.RuleBook;
import picocli.CommandLine.Option;

/**
 * The --rules option shared by the commands. Without it the rule directory is $FLSCALE_RULES, then
 * the installation's rules/ (the launcher sets flscale.home), then ./rules.
 */
public final class RulesOption {
  @Option(names = "--rules", paramLabel = "DIR", description = "Directory of rule files (*.m). Default: the installation's rules/.")
  Path rules;

  @Option(names = "--no-cache", description = "Do not read or write the cache of rule answers (~/.cache/flscale).")
  boolean noCache;

  public Path resolve() {
    if (rules != null) return rules;
    String env = System.getenv("FLSCALE_RULES");
    if (env != null && !env.isBlank()) return Path.of(env);
    String home = System.getProperty("flscale.home");
    if (home != null && Files.isDirectory(Path.of(home, "rules"))) return Path.of(home, "rules");
    return Path.of("rules");
  }

  public RuleBook load() {
    Path dir = resolve();
    if (!Files.isDirectory(dir)) {
      throw new UserError("cannot find the rule directory " + dir.toAbsolutePath() + "; pass --rules DIR");
    }
    return noCache ? RuleBook.load(dir, null) : RuleBook.load(dir);
  }
}
