package org.flscale.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flscale.derive.Derivation;
import org.flscale.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** flscale report FILE: one self-contained HTML page of the derivation. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write one self-contained HTML page: the file, the derivation step by step in MathML, the phase "
        + "diagram (two free scales), and the verifier's plots when results exist.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE") Path file;

  @Option(names = "--out", paramLabel = "HTML", description = "Output file (default: report-<model>.html)")
  Path out;

  @Option(names = "--results", paramLabel = "DIR", description = "Verifier results to include (default: verify-results/<model>/ when it exists)")
  Path results;

  @Mixin RulesOption rules;

  @Override
  public Integer call() throws Exception {
    if (out != null) OutputPaths.file(out, "--out"); // before the derivation: a wrong path fails at once
    ArchInput input = ArchInput.read(file);
    Derivation d = DerivedFile.derive(rules, input);
    Path res = results != null ? results : Path.of("verify-results", d.model().name());
    Path target = OutputPaths.file(out != null ? out : Path.of("report-" + d.model().name() + ".html"), "--out");
    OutputPaths.writeString(target, HtmlReport.render(d, input.text(), res));
    System.out.println("wrote " + target);
    return 0;
  }
}
