package org.flscale.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flscale.model.ArchError;
import org.flscale.parse.ArchFileParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** flscale check FILE...: parses and checks each file against the rules' names, without deriving. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check .arch files without deriving them: syntax, names defined before use, widths that are "
        + "declared scales, activations, layer kinds and patterns the rules know. Prints 'ok FILE' or the mistake "
        + "of each file; exit status 2 when any file has one.")
public final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".arch files; - reads one from standard input")
  List<Path> files;

  @Mixin RulesOption rules;

  @Override
  public Integer call() {
    ArchFileParser parser = new ArchFileParser(rules.load().knownNames());
    int bad = 0;
    for (Path f : files) {
      try {
        ArchInput input = ArchInput.read(f);
        if (org.flscale.parse.DynamicsFileParser.isDynamics(input.text())) {
          new org.flscale.parse.DynamicsFileParser().parse(input.text(), input.name()); // a 'dynamics' file (flscale dynamics)
        } else {
          input.parse(parser);
        }
        System.out.println("ok " + input.name());
      } catch (ArchError | UserError e) {
        System.err.println(Main.oneLine(e));
        bad++;
      }
    }
    return bad == 0 ? 0 : Main.USER_ERROR;
  }
}
