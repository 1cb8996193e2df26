package org.flscale.parse;

import org.flscale.model.KnownNames;
import org.flscale.model.ArchError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.flscale.math.Q;
import org.flscale.math.Affine;
import org.flscale.math.Rationals;
import org.flscale.model.ArchModel;
import org.flscale.model.Input;
import org.flscale.model.Layer;
import org.flscale.model.Parametrization;
import org.flscale.model.Readout;
import org.flscale.model.Scale;
import org.flscale.model.SourcePos;
import org.flscale.model.Target;
import org.flscale.parse.gen.ArchParser;

/**
 * Parses a .arch file into an {@link ArchModel} and checks its meaning: every name defined before
 * use, widths that are declared scales, activations and patterns the rule set knows. The first
 * mistake is thrown as an {@link ArchError} naming file, line and column.
 *
 * <p>The checks of a statement read what the statements before it declared (scales, the input and
 * its tokens), so one builder walks the file in order; the target ({@link TargetReader}) and the
 * network block ({@link NetworkReader}) are read by classes of their own, and the messages stay next
 * to the check they explain. What is left, a little over 250 lines, is one short method per kind
 * of statement sharing the builder's state.
 */
public final class ArchFileParser {
  private final KnownNames known;

  public ArchFileParser(KnownNames known) {
    this.known = known;
  }

  public ArchModel parse(Path path) {
    return parse(ArchSource.read(path), path.toString());
  }

  public ArchModel parse(String text, String file) {
    return new Builder(file).build(ArchSource.tree(text, file));
  }

  /** Walks the statements once, in order, so that "defined before use" is the file's own order. */
  private final class Builder {
    private final String file;
    private String modelName;
    private final Map<String, Scale> scales = new LinkedHashMap<>();
    private String base;
    private Input input;
    private Target target;
    private final List<Layer> layers = new ArrayList<>();
    private Readout readout;
    private Parametrization parametrization;
    private String ridgeName = "kappa";
    private Q ridge = Q.ONE;
    private List<String> patterns;
    private SourcePos patternsPos;
    private String lazyReading;
    private final Map<String, SourcePos> seenOnce = new HashMap<>();

    private final Positions at;

    Builder(String file) {
      this.file = file;
      this.at = new Positions(file);
    }

    ArchModel build(ArchParser.FileContext tree) {
      List<ArchParser.StatementContext> statements = tree.statement();
      for (int i = 0; i < statements.size(); i++) {
        ParserRuleContext s = (ParserRuleContext) statements.get(i).getChild(0);
        if (i == 0 && !(s instanceof ArchParser.ModelStmtContext)) {
          throw new ArchError(pos(s), "the file must start with 'model NAME'");
        }
        try {
          statement(s);
        } catch (ArithmeticException e) { // a number too large to compute with (ridge kappa = 1e999999999)
          throw new ArchError(pos(s), e.getMessage());
        }
      }
      SourcePos end = pos(tree.getStop());
      if (modelName == null) throw new ArchError(new SourcePos(file, 1, 1), "missing 'model NAME' statement");
      if (base == null) throw new ArchError(end, "missing 'scale NAME' statement: at least the base scale (e.g. 'scale d') is needed");
      if (input == null) throw new ArchError(end, "missing 'input NAME : gaussian(SCALE)' statement");
      if (target == null) throw new ArchError(end, "missing 'target NAME = He<k>(w . x)' statement");
      if (layers.isEmpty()) throw new ArchError(end, "missing 'network { ... }' block with at least one hidden layer");
      if (parametrization == null) parametrization = new Parametrization("standard", null);
      if (patterns == null) patterns = List.copyOf(known.patterns());
      return new ArchModel(modelName, file, base, scales, input, target, List.copyOf(layers), readout,
          parametrization, ridgeName, ridge, patterns, patternsPos,
          lazyReading == null ? known.lazyReadings().get(0) : lazyReading);
    }

    private void statement(ParserRuleContext s) {
      if (s instanceof ArchParser.ModelStmtContext m) model(m);
      else if (s instanceof ArchParser.ScaleStmtContext sc) scale(sc);
      else if (s instanceof ArchParser.InputStmtContext in) input(in);
      else if (s instanceof ArchParser.TargetStmtContext t) target(t);
      else if (s instanceof ArchParser.NetworkStmtContext n) network(n);
      else if (s instanceof ArchParser.ParamStmtContext p) parametrization(p);
      else if (s instanceof ArchParser.RidgeStmtContext r) ridge(r);
      else if (s instanceof ArchParser.PatternsStmtContext p) patterns(p);
      else if (s instanceof ArchParser.LazyStmtContext z) lazyReading(z);
      else if (s instanceof ArchParser.DynamicsStmtContext d) {
        throw new ArchError(pos(d), "a 'dynamics' block describes training dynamics, which 'flscale dynamics FILE' reads; "
            + "derive and verify read networks");
      }
    }

    private void once(String keyword, ParserRuleContext s) {
      SourcePos before = seenOnce.putIfAbsent(keyword, pos(s));
      if (before != null) {
        throw new ArchError(pos(s), "'" + keyword + "' given twice (first at line " + before.line() + ")");
      }
    }

    private void model(ArchParser.ModelStmtContext m) {
      once("model", m);
      modelName = m.name.getText();
    }

    private void scale(ArchParser.ScaleStmtContext s) {
      String name = s.name.getText();
      if (scales.containsKey(name)) {
        throw new ArchError(pos(s.name), "scale '" + name + "' is declared twice (first at line " + scales.get(name).pos().line() + ")");
      }
      if (s.tiedTo == null) {
        Scale.Kind kind = base == null ? Scale.Kind.BASE : Scale.Kind.FREE;
        Affine exp = kind == Scale.Kind.BASE ? Affine.constant(1) : Affine.var(name);
        if (base == null) base = name;
        scales.put(name, new Scale(name, exp, kind, pos(s.name)));
        return;
      }
      if (base == null) {
        throw new ArchError(pos(s.name), "the first scale is the base and cannot be tied to another; write 'scale "
            + name + "' first");
      }
      Scale to = scales.get(s.tiedTo.getText());
      if (to == null) {
        throw new ArchError(pos(s.tiedTo), "undeclared scale '" + s.tiedTo.getText() + "'; declared scales: "
            + String.join(", ", scales.keySet()));
      }
      Q q = s.exponent() == null ? Q.ONE : exponent(s.exponent());
      scales.put(name, new Scale(name, to.exponent().times(q), Scale.Kind.TIED, pos(s.name)));
    }

    private Q exponent(ArchParser.ExponentContext e) {
      return new Positions(file).exponent(e);
    }

    private void input(ArchParser.InputStmtContext in) {
      once("input", in);
      String dist = in.dist.getText();
      if (!known.distributions().contains(dist)) {
        throw new ArchError(pos(in.dist), "unknown input distribution '" + dist + "'; expected one of: "
            + sorted(known.distributions()));
      }
      requireScale(in.dim, "input dimension");
      String tokens = null;
      if (in.key != null) {
        if (!in.key.getText().equals("tokens")) {
          throw new ArchError(pos(in.key), "unknown input option '" + in.key.getText()
              + "'; an input of several vectors per sample is written 'input x : gaussian(d) tokens L'");
        }
        requireScale(in.value, "number of tokens");
        tokens = in.value.getText();
      }
      input = new Input(in.name.getText(), dist, in.dim.getText(), tokens, pos(in));
    }

    private void target(ArchParser.TargetStmtContext t) {
      once("target", t);
      if (input == null) throw new ArchError(pos(t), "the target refers to the input: declare 'input' before 'target'");
      target = new TargetReader(at, known, scales, base, input).read(t);
    }

    private void network(ArchParser.NetworkStmtContext n) {
      once("network", n);
      if (input == null) throw new ArchError(pos(n), "the network reads the input: declare 'input' before 'network'");
      NetworkReader r = new NetworkReader(at, known, scales, base, input);
      r.read(n);
      layers.addAll(r.layers());
      readout = r.readout();
    }

    private void requireScale(Token t, String what) {
      at.requireScale(t, what, scales);
    }

    private void parametrization(ArchParser.ParamStmtContext p) {
      once("parametrization", p);
      String kind = p.kind.getText();
      if (!known.parametrizations().contains(kind)) {
        throw new ArchError(pos(p.kind), "unknown parametrization '" + kind + "'; expected one of: " + ChiValue.names(known.parametrizations()));
      }
      parametrization = ChiValue.read(p, kind, scales, file);
    }

    private void ridge(ArchParser.RidgeStmtContext r) {
      once("ridge", r);
      Q v = Rationals.parseDecimal(r.number().getText());
      if (v.signum() <= 0) throw new ArchError(pos(r.number()), "the ridge must be positive");
      ridgeName = r.name.getText();
      ridge = v;
    }

    private void lazyReading(ArchParser.LazyStmtContext z) {
      once("lazy_layers", z);
      String name = z.reading.getText();
      if (!known.lazyReadings().contains(name)) {
        throw new ArchError(pos(z.reading), "unknown reading of lazy layers '" + name + "'; expected one of: "
            + String.join(", ", known.lazyReadings()) + " (LazyLayerReadings in rules/kernels.m)");
      }
      lazyReading = name;
    }

    private void patterns(ArchParser.PatternsStmtContext p) {
      once("patterns", p);
      List<String> list = new ArrayList<>();
      for (var id : p.ID()) {
        String name = id.getText();
        if (!known.patterns().contains(name)) {
          throw new ArchError(pos(id.getSymbol()), "unknown pattern '" + name + "'; expected one of: " + String.join(", ", known.patterns()));
        }
        if (list.contains(name)) throw new ArchError(pos(id.getSymbol()), "pattern '" + name + "' listed twice");
        list.add(name);
      }
      // keep the rule set's order (GP, Spec, Mag, GFL): it is the tie-breaking order
      patterns = known.patterns().stream().filter(list::contains).toList();
      patternsPos = pos(p);
    }

    private SourcePos pos(ParserRuleContext c) {
      return at.pos(c);
    }

    private SourcePos pos(Token t) {
      return at.pos(t);
    }
  }

  static String sorted(java.util.Collection<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }
}
