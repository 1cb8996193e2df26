package org.flscale.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flscale.derive.Deriver;
import org.flscale.model.ArchError;
import org.flscale.dynamics.DynamicsReport;
import org.flscale.parse.ArchFileParser;
import org.flscale.parse.DynamicsFileParser;
import org.flscale.report.JsonReport;
import org.flscale.rules.RuleBook;

/**
 * The regression suite of the rule set: every NAME.arch of a tree (its folders follow rules/:
 * activations, kernels, layers/conv, layers/attention, patterns, parametrizations, targets) is
 * derived and compared with NAME.expected.json (a subset of the JSON output); every NAME.arch in a
 * folder named invalid must fail with the error in NAME.expected-error (its "line:column: error:
 * message" part).
 */
public final class RegressionSuite {
  /** The outcome of one case: its name, and what differs (empty when it passes). */
  public record Result(String name, List<String> differences) {
    public boolean passed() {
      return differences.isEmpty();
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final RuleBook rules;
  private final ArchFileParser parser;
  private final Deriver deriver;

  public RegressionSuite(RuleBook rules) {
    this.rules = rules;
    this.parser = new ArchFileParser(rules.knownNames());
    this.deriver = new Deriver(rules);
  }

  /** The derivation cases of a tree: every .arch outside the folders named invalid, in path order. */
  public static List<Path> valid(Path root) {
    return walk(root).stream().filter(p -> !inInvalid(root, p)).toList();
  }

  /** The valid cases whose answer is a derivation (not the training dynamics of a 'dynamics' block). */
  public static List<Path> derivations(Path root) {
    return valid(root).stream().filter(p -> !org.flscale.parse.DynamicsFileParser.isDynamics(org.flscale.parse.ArchSource.read(p))).toList();
  }

  /** The error cases of a tree: every .arch in a folder named invalid. */
  public static List<Path> invalid(Path root) {
    return walk(root).stream().filter(p -> inInvalid(root, p)).toList();
  }

  /** A case's name: its path below the root without .arch ("layers/attention/attention_head"). */
  public static String name(Path root, Path arch) {
    return root.relativize(arch).toString().replace('\\', '/').replaceFirst("\\.arch$", "");
  }

  private static boolean inInvalid(Path root, Path p) {
    for (Path part : root.relativize(p)) if (part.toString().equals("invalid")) return true;
    return false;
  }

  private static List<Path> walk(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".arch") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The .arch files of one folder (not below it). */
  public static List<Path> cases(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".arch")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Result run(Path arch) {
    String name = arch.getFileName().toString().replaceFirst("\\.arch$", "");
    try {
      Path errorFile = arch.resolveSibling(name + ".expected-error");
      if (Files.exists(errorFile)) return runInvalid(name, arch, Files.readString(errorFile).trim());
      Path expectedFile = arch.resolveSibling(name + ".expected.json");
      if (!Files.exists(expectedFile)) {
        return new Result(name, List.of("no " + expectedFile.getFileName() + " beside it (flscale test --update writes one)"));
      }
      JsonNode expected = MAPPER.readTree(expectedFile.toFile());
      JsonNode actual = derived(arch);
      return new Result(name, JsonSubset.differences(expected, actual));
    } catch (ArchError e) {
      return new Result(name, List.of("unexpected error: " + e.format()));
    } catch (IOException e) {
      return new Result(name, List.of("cannot read: " + e.getMessage()));
    }
  }

  private Result runInvalid(String name, Path arch, String expected) {
    String actual = actualError(arch);
    if (actual == null) return new Result(name, List.of("expected the error \"" + expected + "\", but the file was accepted"));
    return actual.equals(expected) ? new Result(name, List.of())
        : new Result(name, List.of("expected error: " + expected, "  actual error: " + actual));
  }

  /** The file's error as NAME.expected-error holds it, "line:column: error: message"; null when it is accepted. */
  private String actualError(Path arch) {
    try {
      // some mistakes only show against the rules (a layer kind's identities): derive too
      derived(arch);
      return null;
    } catch (ArchError e) {
      return e.pos().line() + ":" + e.pos().column() + ": error: " + e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rewrites NAME.expected-error of an invalid case from the current error; false (and the file kept)
   * when the case is now accepted, which needs a person's look.
   */
  public boolean writeExpectedError(Path arch) throws IOException {
    String error = actualError(arch);
    if (error == null) return false;
    Files.writeString(expectedErrorFile(arch), error + "\n");
    return true;
  }

  public static Path expectedErrorFile(Path arch) {
    return arch.resolveSibling(arch.getFileName().toString().replaceFirst("\\.arch$", "") + ".expected-error");
  }

  /** Writes NAME.expected.json from the current derivation: the answer and each pattern's optimum. */
  public void writeExpected(Path arch) throws IOException {
    String name = arch.getFileName().toString().replaceFirst("\\.arch$", "");
    String text = Files.readString(arch);
    if (DynamicsFileParser.isDynamics(text)) { // a dynamics file's answer is kept whole (docs/exact-linear.md)
      Files.writeString(arch.resolveSibling(name + ".expected.json"), JsonReport.write(derived(arch)) + "\n");
      return;
    }
    ObjectNode full = JsonReport.toJson(deriver.derive(parser.parse(arch)));
    ObjectNode out = MAPPER.createObjectNode();
    out.put("model", full.get("model").asText());
    out.set("pstar", trim(full.get("pstar")));
    ArrayNode pats = out.putArray("patterns");
    for (JsonNode p : full.get("patterns")) pats.add(trim(p));
    if (full.has("terms")) {
      ArrayNode terms = out.putArray("terms");
      for (JsonNode t : full.get("terms")) {
        ObjectNode term = terms.addObject();
        for (String key : List.of("term", "amplitude", "largest", "order")) if (t.has(key)) term.set(key, t.get(key));
        term.set("pstar", trim(t.get("pstar")));
      }
      out.set("learning_order", full.get("learning_order"));
    }
    Files.writeString(arch.resolveSibling(name + ".expected.json"), JsonReport.write(out) + "\n");
  }

  /** The file's answer as JSON: a network's derivation, or a dynamics file's (flscale dynamics). */
  private JsonNode derived(Path arch) throws IOException {
    String text = Files.readString(arch);
    if (DynamicsFileParser.isDynamics(text)) {
      return DynamicsReport.json(new DynamicsFileParser().parse(text, arch.toString()), rules);
    }
    return JsonReport.toJson(deriver.derive(parser.parse(arch)));
  }

  /** Keeps the results (exponents, closed forms, parameters, regions) and drops the wording. */
  private static JsonNode trim(JsonNode node) {
    ObjectNode out = MAPPER.createObjectNode();
    for (String key : List.of("learnable", "pattern", "exponent", "expression", "energy", "parameters")) {
      if (node.has(key)) out.set(key, node.get(key));
    }
    if (node.has("regions")) {
      ArrayNode regions = out.putArray("regions");
      for (JsonNode r : node.get("regions")) {
        ObjectNode t = (ObjectNode) trim(r);
        t.set("when", r.get("when"));
        regions.add(t);
      }
    }
    return out;
  }

  public RuleBook rules() {
    return rules;
  }

  /** Runs a tree: its derivation cases, then its error cases, each named by its path below the root. */
  public List<Result> runAll(Path root) {
    List<Result> results = new ArrayList<>();
    for (Path p : valid(root)) results.add(new Result(name(root, p), run(p).differences()));
    for (Path p : invalid(root)) results.add(new Result(name(root, p), run(p).differences()));
    return results;
  }
}
