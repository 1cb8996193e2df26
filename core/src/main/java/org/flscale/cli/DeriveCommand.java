package org.flscale.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flscale.derive.Derivation;
import org.flscale.derive.Deriver;
import org.flscale.derive.TimeLimit;
import org.flscale.model.ArchModel;
import org.flscale.model.ArchError;
import org.flscale.parse.ArchFileParser;
import org.flscale.report.CasExport;
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
  enum Format { text, json, latex, sympy, mathematica }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".arch files; - reads one from standard input")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", description = "text, json, latex, sympy or mathematica (the answer as an expression SymPy's parse_expr and "
      + "Mathematica's ToExpression read; default: ${DEFAULT-VALUE})")
  Format format;

  @Mixin RulesOption rules;

  @Option(names = "--time-limit", defaultValue = "300", paramLabel = "SECONDS",
      description = "stop a derivation that takes longer, with a message (0: no limit; default: ${DEFAULT-VALUE})")
  long timeLimit;

  @Option(names = "--all", description = "compare and list every pattern assignment (by default a deep network's "
      + "equivalent partial assignments are merged, and the text shows the winners and the closest few)")
  boolean all;

  @Override
  public Integer call() {
    RuleBook book = rules.load();
    ArchFileParser parser = new ArchFileParser(book.knownNames());
    Deriver deriver = new Deriver(book).withEveryAssignment(all);
    if (format == Format.json) return json(parser, deriver, book);
    // Parse every file first: a mistake in any of them stops the run before any result is printed.
    List<ArchModel> models = new ArrayList<>();
    for (Path f : files) models.add(ArchInput.read(f).parse(parser));
    List<Derivation> results = new ArrayList<>();
    for (ArchModel m : models) results.add(DerivedFile.withProgressBar(deriver.withTimeLimit(TimeLimit.ofSeconds(timeLimit)), m));
    book.saveCache();
    for (Derivation r : results) System.out.println(render(r));
    return 0;
  }

  private String render(Derivation r) {
    return switch (format) {
      case text -> TextReport.render(r, all);
      case latex -> LatexReport.render(r);
      case sympy -> CasExport.render(r, CasExport.Dialect.SYMPY);
      case mathematica -> CasExport.render(r, CasExport.Dialect.MATHEMATICA);
      case json -> throw new IllegalStateException("JSON is written file by file");
    };
  }

  /**
   * For scripts: every file gets its entry, a derivation or an error object naming the file, line,
   * column and message; the exit status still says that some file failed.
   */
  private int json(ArchFileParser parser, Deriver deriver, RuleBook book) {
    List<ObjectNode> entries = new ArrayList<>();
    int status = 0;
    for (Path f : files) {
      try {
        ArchModel m = ArchInput.read(f).parse(parser);
        entries.add(JsonReport.toJson(DerivedFile.withProgressBar(deriver.withTimeLimit(TimeLimit.ofSeconds(timeLimit)), m)));
      } catch (ArchError e) {
        entries.add(JsonReport.error(e.pos().file(), e.pos().line(), e.pos().column(), e.getMessage()));
        status = Math.max(status, Main.USER_ERROR);
      } catch (UserError e) {
        entries.add(JsonReport.error(f.toString(), null, null, e.getMessage()));
        status = Math.max(status, Main.USER_ERROR);
      } catch (TimeLimit.Exceeded e) {
        entries.add(JsonReport.error(f.toString(), null, null, e.getMessage()));
        status = Math.max(status, Main.TIME_LIMIT);
      }
    }
    book.saveCache();
    System.out.println(JsonReport.write(entries.size() == 1 ? entries.get(0) : entries));
    return status;
  }
}
