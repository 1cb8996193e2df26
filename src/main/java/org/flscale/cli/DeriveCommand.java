package org.flscale.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flscale.derive.Derivation;
import org.flscale.derive.Deriver;
import org.flscale.derive.TimeLimit;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.report.JsonReport;
import org.flscale.report.LatexReport;
import org.flscale.report.TextReport;
import org.flscale.rules.RuleBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** flscale derive FILE... : the critical scaling of each file, as text, JSON or LaTeX. */
@Command(name = "derive", mixinStandardHelpOptions = true,
    description = "Derive the critical scaling P_* of each .arch file from the rules.")
public final class DeriveCommand implements Callable<Integer> {
  enum Format { text, json, latex }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".arch files")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", description = "text, json or latex (default: ${DEFAULT-VALUE})")
  Format format;

  @Mixin RulesOption rules;

  @Option(names = "--time-limit", defaultValue = "300", paramLabel = "SECONDS",
      description = "stop a derivation that takes longer, with a message (0: no limit; default: ${DEFAULT-VALUE})")
  long timeLimit;

  @Override
  public Integer call() {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) throw new UserError("no such file: " + f);
    }
    RuleBook book = rules.load();
    ArchFileParser parser = new ArchFileParser(book.knownNames());
    Deriver deriver = new Deriver(book);
    // Parse every file first: a mistake in any of them stops the run before any result is printed.
    List<ArchModel> models = new ArrayList<>();
    for (Path f : files) models.add(parser.parse(f));
    List<Derivation> results = new ArrayList<>();
    for (ArchModel m : models) results.add(DerivedFile.withProgressBar(deriver.withTimeLimit(TimeLimit.ofSeconds(timeLimit)), m));
    book.saveCache();
    switch (format) {
      case json -> {
        if (results.size() == 1) System.out.println(JsonReport.write(JsonReport.toJson(results.get(0))));
        else System.out.println(JsonReport.write(results.stream().map(JsonReport::toJson).toList()));
      }
      case text -> results.forEach(r -> System.out.println(TextReport.render(r)));
      case latex -> results.forEach(r -> System.out.println(LatexReport.render(r)));
    }
    return 0;
  }
}
