package org.flscale.parse;

import org.flscale.model.KnownNames;
import org.flscale.model.ArchError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
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
import org.flscale.parse.gen.ArchLexer;
import org.flscale.parse.gen.ArchParser;

/**
 * Parses a .arch file into an {@link ArchModel} and checks its meaning: every name defined before
 * use, widths that are declared scales, activations and patterns the rule set knows. The first
 * mistake is thrown as an {@link ArchError} naming file, line and column.
 *
 * <p>It is long (over 500 lines) for a reason: the checks of a statement read what the statements
 * before it declared (scales, the input and its tokens, names of layers and weights), so they live
 * in one builder that walks the file in order; each statement's checks are one small method, and the
 * messages, which make up most of the text, stay next to the check they explain.
 */
public final class ArchFileParser {
  private static final Pattern HERMITE = Pattern.compile("He(\\d+)");

  private final KnownNames known;

  public ArchFileParser(KnownNames known) {
    this.known = known;
  }

  public ArchModel parse(Path path) {
    return parse(ArchSource.read(path), path.toString());
  }

  public ArchModel parse(String text, String file) {
    SyntaxErrorListener listener = new SyntaxErrorListener(file);
    ArchLexer lexer = new ArchLexer(CharStreams.fromString(ArchSource.withoutByteOrderMark(text), file));
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    ArchParser parser = new ArchParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    ArchParser.FileContext tree = parser.file();
    return new Builder(file).build(tree);
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

    Builder(String file) {
      this.file = file;
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
      ArchParser.SignedRatioContext r = e.signedRatio();
      for (ArchParser.NumberContext n : r.number()) {
        if (n.getText().matches(".*[eE].*")) {
          throw new ArchError(pos(n), "malformed exponent '" + n.getText() + "': write a rational power such as 2, 3/2 or 0.5");
        }
      }
      Q num = Rationals.parseDecimal(r.num.getText());
      if (r.den != null) {
        Q den = Rationals.parseDecimal(r.den.getText());
        if (den.signum() == 0) throw new ArchError(pos(r.den), "malformed exponent: division by zero");
        num = num.divide(den);
      }
      return r.sign != null ? num.negate() : num;
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
      ArchParser.TargetExprContext e = t.targetExpr();
      List<Target.Term> terms = new ArrayList<>();
      Map<java.util.Set<Target.Factor>, Target.Term> seen = new HashMap<>();
      for (int i = 0; i < e.targetTerm().size(); i++) {
        int sign = i > 0 && e.sign.get(i - 1).getText().equals("-") ? -1 : 1;
        Target.Term term = term(e.targetTerm(i), sign);
        Target.Term before = seen.putIfAbsent(java.util.Set.copyOf(term.factors()), term);
        if (before != null) {
          throw new ArchError(term.pos(), "this term has the same Hermite factors as the term at column " + before.pos().column()
              + "; combine like terms into one (a target that cancels is no target)");
        }
        terms.add(term);
      }
      target = new Target(t.name.getText(), List.copyOf(terms), pos(t));
    }

    private Target.Term term(ArchParser.TargetTermContext t, int sign) {
      String coefficient = null;
      Q number = null;
      if (t.coef != null) {
        requireScale(t.coef, "coefficient");
        Scale s = scales.get(t.coef.getText());
        if (s.kind() == Scale.Kind.FREE || !s.exponent().isConstant()) {
          throw new ArchError(pos(t.coef), "the coefficient '" + t.coef.getText() + "' must be tied to the base scale, e.g. 'scale "
              + t.coef.getText() + " = " + base + "^(-1/2)': the order in which terms are learned is derived for known amplitudes only");
        }
        coefficient = t.coef.getText();
      }
      if (t.num != null) {
        number = Rationals.parseDecimal(t.num.getText());
        if (number.signum() == 0) throw new ArchError(pos(t.num), "a term with coefficient 0 is no term; leave it out");
      }
      List<Target.Factor> factors = new ArrayList<>();
      Map<String, SourcePos> directions = new HashMap<>();
      for (ArchParser.HermiteContext h : t.hermite()) {
        Matcher m = HERMITE.matcher(h.fn.getText());
        if (!m.matches()) {
          throw new ArchError(pos(h.fn), "unknown target function '" + h.fn.getText()
              + "'; expected a probabilists' Hermite polynomial He<k> with k >= 1, e.g. He3(w . x)");
        }
        if (m.group(1).length() > 6 || Integer.parseInt(m.group(1)) > known.maxDegree()) {
          throw new ArchError(pos(h.fn), "He" + m.group(1) + " is beyond the Hermite degrees flscale tracks (up to He"
              + known.maxDegree() + ")");
        }
        int k = Integer.parseInt(m.group(1));
        if (k < 1) throw new ArchError(pos(h.fn), "He0 is a constant, not a learnable target; use He<k> with k >= 1");
        String token = token(h.arg);
        String dir = h.dir.getText();
        if (dir.equals(input.name())) {
          throw new ArchError(pos(h.dir), "the direction cannot be the input '" + dir + "' itself; name it, e.g. w");
        }
        if (scales.containsKey(dir)) {
          throw new ArchError(pos(h.dir), "'" + dir + "' is a scale; a target direction needs a name of its own, e.g. w or w1");
        }
        if (directions.containsKey(dir + "@" + token)) {
          throw new ArchError(pos(h.dir), "direction '" + dir + "' appears twice in one product; a product of Hermite "
              + "polynomials of one direction is not a Hermite polynomial: expand it (He1 He2 = He3 + 2 He1) into terms");
        }
        directions.put(dir + "@" + token, pos(h.dir)); // one direction on two tokens is two independent features
        factors.add(new Target.Factor(k, dir, token));
      }
      int degree = factors.stream().mapToInt(Target.Factor::degree).sum();
      if (degree > known.maxDegree()) {
        throw new ArchError(pos(t), "the term has total degree " + degree + ", beyond the Hermite degrees flscale tracks (up to "
            + known.maxDegree() + ")");
      }
      return new Target.Term(coefficient, number, sign, List.copyOf(factors), input.name(), pos(t));
    }

    /**
     * The token a target factor reads: null for a one-vector input x; over tokens the query token
     * x_a or the key token x_b of a pair.
     */
    private String token(Token arg) {
      String x = input.name();
      String a = arg.getText();
      if (!input.hasTokens()) {
        if (a.equals(x)) return null;
        if (a.equals(x + "_" + Target.Factor.QUERY) || a.equals(x + "_" + Target.Factor.KEY)) {
          throw new ArchError(pos(arg), "'" + a + "' names a token, but the input '" + x + "' is one vector; an input of tokens is "
              + "written 'input " + x + " : gaussian(" + input.dimension() + ") tokens L'");
        }
        throw new ArchError(pos(arg), "undefined input '" + a + "'; the input is '" + x + "'");
      }
      if (a.equals(x + "_" + Target.Factor.QUERY)) return Target.Factor.QUERY;
      if (a.equals(x + "_" + Target.Factor.KEY)) return Target.Factor.KEY;
      if (a.equals(x)) {
        throw new ArchError(pos(arg), "the input '" + x + "' is " + input.tokens() + " tokens: a target factor reads the query token "
            + x + "_a or the key token " + x + "_b of a pair, e.g. He1(u1 . " + x + "_a) He1(u2 . " + x + "_b)");
      }
      throw new ArchError(pos(arg), "undefined input '" + a + "'; over tokens a factor reads " + x + "_a (query) or " + x + "_b (key)");
    }

    private void network(ArchParser.NetworkStmtContext n) {
      once("network", n);
      if (input == null) throw new ArchError(pos(n), "the network reads the input: declare 'input' before 'network'");
      Map<String, SourcePos> names = new HashMap<>();
      names.put(input.name(), input.pos());
      String prev = input.name();
      for (ArchParser.LayerStmtContext l : n.layerStmt()) {
        if (readout != null) throw new ArchError(pos(l), "the readout '" + readout.name() + " = " + readout.weight() + " . " + readout.layer()
            + "' must be the last line of the network");
        if (!layers.isEmpty() && known.kinds().get(layers.get(0).kind()).wholeNetwork()) {
          throw new ArchError(pos(l), "the " + layers.get(0).kind() + " layer '" + layers.get(0).name()
              + "' is the whole network (its output is f): nothing may follow it");
        }
        if (l instanceof ArchParser.HiddenLayerContext h) {
          Layer layer = hiddenLayer(h, prev, names);
          if (known.kinds().get(layer.kind()).wholeNetwork() && !layers.isEmpty()) {
            throw new ArchError(pos(h), "the " + layer.kind() + " layer is the whole network ('f = " + layer.kind()
                + "(...)'); it cannot follow other layers");
          }
          if (!layers.isEmpty() && known.kinds().get(layers.get(0).kind()).onlyLayer()) {
            throw new ArchError(pos(h), onlyLayerMessage(layers.get(0).kind()));
          }
          if (!layers.isEmpty() && known.kinds().get(layer.kind()).onlyLayer()) {
            throw new ArchError(pos(h.kind), onlyLayerMessage(layer.kind()));
          }
          layers.add(layer);
          prev = layer.name();
        } else if (l instanceof ArchParser.ReadoutContext r) {
          if (layers.isEmpty()) throw new ArchError(pos(r), "the network needs a hidden layer before the readout");
          checkPrev(r.prev, prev);
          checkWeight(r.weight, names);
          readout = new Readout(r.name.getText(), r.weight.getText(), r.prev.getText(), pos(r));
        }
      }
      if (layers.isEmpty()) throw new ArchError(pos(n), "the network needs at least one hidden layer 'h1 = ACT(W1 x) width N'");
      KnownNames.LayerKind first = known.kinds().get(layers.get(0).kind());
      if (first.wholeNetwork()) {
        if (!input.hasTokens() && first.inputOptions().contains("tokens")) {
          throw new ArchError(pos(n), "the " + first.name() + " layer reads tokens: declare the input as 'input " + input.name()
              + " : gaussian(" + input.dimension() + ") tokens L'");
        }
        return;
      }
      if (input.hasTokens()) {
        throw new ArchError(input.pos(), "the input is " + input.tokens() + " tokens, but a " + layers.get(0).kind()
            + " layer reads one vector; tokens are read by an attention layer 'f = attention(A w " + input.name() + ") heads H'");
      }
      if (readout == null) throw new ArchError(pos(n.getStop()), "the network must end with a readout 'f = a . " + prev + "'");
    }

    private String onlyLayerMessage(String kind) {
      return "the rules cover " + article(kind) + " " + kind + " layer only as the network's one hidden layer ('h1 = " + kind
          + " ...(... x) ...' then the readout); deeper networks with it are not in the rules yet (rules/layers.m, KindOnlyLayer)";
    }

    /** NAME = [KIND] ACT(WEIGHTS... PREV) OPTION SCALE ...: checked against the kind's rules. */
    private Layer hiddenLayer(ArchParser.HiddenLayerContext h, String prev, Map<String, SourcePos> names) {
      String name = h.name.getText();
      if (names.containsKey(name)) throw new ArchError(pos(h.name), "name '" + name + "' is already defined");
      String kindName = h.kind == null ? KnownNames.DEFAULT_KIND : h.kind.getText();
      KnownNames.LayerKind whole = h.kind == null ? known.kinds().get(h.act.getText()) : null;
      if (whole != null && whole.wholeNetwork()) return wholeNetworkLayer(h, whole, prev, names);
      KnownNames.LayerKind kind = known.kinds().get(kindName);
      if (kind == null) {
        throw new ArchError(pos(h.kind), "unknown layer kind '" + kindName + "'; known kinds: "
            + String.join(", ", known.kinds().keySet()) + " (add one in rules/layers.m)");
      }
      if (kind.wholeNetwork()) {
        throw new ArchError(pos(h.kind), "the " + kindName + " layer is the whole network: write 'f = " + kindName + "("
            + String.join(" ", weightSymbols(kind)) + " " + prev + ") "
            + String.join(" ", kind.options().stream().map(o -> o + " " + o.substring(0, 1).toUpperCase()).toList()) + "'");
      }
      if (!known.activations().contains(h.act.getText())) {
        List<String> wholeKinds = known.kinds().values().stream().filter(KnownNames.LayerKind::wholeNetwork).map(KnownNames.LayerKind::name).toList();
        List<String> candidates = new ArrayList<>(known.activations());
        if (h.kind == null) candidates.addAll(wholeKinds);
        String near = Spellings.nearest(h.act.getText(), candidates);
        boolean showKinds = h.kind == null && near != null && wholeKinds.contains(near);
        throw new ArchError(pos(h.act), "unknown activation '" + h.act.getText() + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
            + "; known activations: " + sorted(known.activations()) + " (add one in rules/activations.m)"
            + (showKinds ? "; layer kinds that are the whole network: " + String.join(", ", wholeKinds) : ""));
      }
      String form = kindName.equals(KnownNames.DEFAULT_KIND) ? h.act.getText() : kindName + " " + h.act.getText();
      List<String> weights = weights(h, kind, prev, names, form + "(" + String.join(" ", weightSymbols(kind)) + " " + prev + ")");
      Map<String, String> ordered = options(h, kind, name);
      names.put(name, pos(h.name));
      return new Layer(name, kindName, h.act.getText(), weights, prev, ordered, pos(h.name));
    }

    /** The weights a layer names before its input, checked against its kind's count; {@code shape} shows how to write them. */
    private List<String> weights(ArchParser.HiddenLayerContext h, KnownNames.LayerKind kind, String prev, Map<String, SourcePos> names,
        String shape) {
      List<Token> args = h.args;
      int wanted = kind.weights().size();
      if (args.size() != wanted + 1) {
        Token at = args.size() > wanted + 1 ? args.get(wanted + 1) : args.get(args.size() - 1);
        throw new ArchError(pos(at), capitalized(article(kind.name())) + " " + kind.name() + " layer names " + wanted
            + (wanted == 1 ? " weight" : " weights") + " (" + String.join(", ", kind.weights()) + ") and then its input: " + shape);
      }
      checkPrev(args.get(args.size() - 1), prev);
      List<String> weights = new ArrayList<>();
      for (int i = 0; i < wanted; i++) {
        checkWeight(args.get(i), names);
        weights.add(args.get(i).getText());
      }
      return List.copyOf(weights);
    }

    /** The layer's options, checked against its kind's and put in the rules' order, then those taken from the input. */
    private Map<String, String> options(ArchParser.HiddenLayerContext h, KnownNames.LayerKind kind, String name) {
      String kindName = kind.name();
      Map<String, String> options = new LinkedHashMap<>();
      for (ArchParser.OptionContext o : h.option()) {
        String key = o.key.getText();
        if (kind.inputOptions().contains(key)) {
          throw new ArchError(pos(o.key), "the " + kindName + " layer takes '" + key + "' from the input statement, not as an option: write 'input "
              + input.name() + " : " + input.distribution() + "(" + input.dimension() + ") " + key + " " + o.value.getText() + "'");
        }
        if (!kind.options().contains(key)) {
          throw new ArchError(pos(o.key), "unknown option '" + key + "' for " + article(kindName) + " " + kindName + " layer; it takes: "
              + String.join(", ", kind.options()));
        }
        if (options.containsKey(key)) throw new ArchError(pos(o.key), "option '" + key + "' given twice");
        requireScale(o.value, key);
        Affine exp = scales.get(o.value.getText()).exponent();
        if (exp.isConstant() && exp.constant().signum() < 0) {
          throw new ArchError(pos(o.value), "the " + key + " '" + o.value.getText() + "' = " + base + "^(" + exp.constant()
              + ") shrinks with " + base + "; a " + key + " must be a large scale (exponent >= 0)");
        }
        options.put(key, o.value.getText());
      }
      Map<String, String> ordered = new LinkedHashMap<>();
      for (String key : kind.options()) {
        if (!options.containsKey(key)) {
          SourcePos at = h.option().isEmpty() ? pos(h.getStop()) : pos(h.option(h.option().size() - 1).getStop());
          throw new ArchError(at, "the " + kindName + " layer '" + name + "' needs '" + key + " SCALE'"
              + (kind.options().size() > 1 ? " (it takes: " + String.join(", ", kind.options()) + ")" : ""));
        }
        ordered.put(key, options.get(key));
      }
      for (String key : kind.inputOptions()) {
        if (key.equals("tokens") && input.hasTokens()) ordered.put(key, input.tokens());
      }
      return ordered;
    }

    /** A kind that is the whole network, 'f = attention(A w x) heads H': its output is f, no readout follows. */
    private Layer wholeNetworkLayer(ArchParser.HiddenLayerContext h, KnownNames.LayerKind kind, String prev,
        Map<String, SourcePos> names) {
      String name = h.name.getText();
      List<String> weights = weights(h, kind, prev, names, name + " = " + kind.name() + "(" + String.join(" ", weightSymbols(kind)) + " " + prev + ")");
      Map<String, String> options = options(h, kind, name);
      names.put(name, pos(h.name));
      return new Layer(name, kind.name(), kind.valueActivation(), weights, prev, options, pos(h.name));
    }

    private void checkPrev(Token prevTok, String expected) {
      String p = prevTok.getText();
      if (!p.equals(expected)) {
        throw new ArchError(pos(prevTok), "undefined or out-of-order name '" + p + "': this layer must read '" + expected + "'");
      }
    }

    private void checkWeight(Token w, Map<String, SourcePos> names) {
      if (names.containsKey(w.getText()) || scales.containsKey(w.getText())) {
        throw new ArchError(pos(w), "name '" + w.getText() + "' is already defined; give each weight its own name");
      }
      names.put(w.getText(), pos(w));
    }

    private void requireScale(Token t, String what) {
      if (!scales.containsKey(t.getText())) {
        throw new ArchError(pos(t), "the " + what + " '" + t.getText() + "' is not a declared scale; declared scales: "
            + (scales.isEmpty() ? "none" : String.join(", ", scales.keySet())));
      }
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
      return pos(c.getStart());
    }

    private SourcePos pos(Token t) {
      return new SourcePos(file, t.getLine(), t.getCharPositionInLine() + 1);
    }
  }

  /**
   * How a kind's weights are written in an example: the first word of a description such as
   * "A (query-key matrices)", or the capitalised initial of a one-word one ("weights": W).
   */
  private static List<String> weightSymbols(KnownNames.LayerKind kind) {
    return kind.weights().stream().map(w -> w.contains(" ") ? w.substring(0, w.indexOf(' ')) : w.toUpperCase().substring(0, 1)).toList();
  }

  private static String article(String word) {
    return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String sorted(java.util.Collection<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }
}
