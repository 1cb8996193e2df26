package org.flscale.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.flscale.math.Q;
import org.flscale.parse.KnownNames;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The rule set: every rules/*.m file evaluated in one Symja session, in file-name order. Java asks
 * it for names (activations, patterns, parametrizations), for activations' formulas, and for the
 * local formulas of the analysis (costs, norms, constraints) as exponent templates.
 */
public final class RuleBook {
  /** Hermite degrees are tracked up to this bound. */
  public static final int MAX_DEGREE = 40;

  private final SymjaSession session;
  private final Path directory;
  private final Map<String, Activation> activations = new HashMap<>();
  private final Map<String, IExpr> templateCache = new HashMap<>();
  private KnownNames known;

  private RuleBook(SymjaSession session, Path directory) {
    this.session = session;
    this.directory = directory;
  }

  /** Loads every *.m file of {@code directory}. */
  public static RuleBook load(Path directory) {
    if (!Files.isDirectory(directory)) throw new RuleError("rule directory " + directory + " does not exist");
    RuleBook book = new RuleBook(new SymjaSession(), directory);
    List<Path> files;
    try (Stream<Path> s = Files.list(directory)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".m")).sorted().toList();
    } catch (IOException e) {
      throw new RuleError("cannot list " + directory + ": " + e.getMessage());
    }
    if (files.isEmpty()) throw new RuleError("no rule files (*.m) in " + directory);
    for (Path f : files) book.loadFile(f);
    book.known = book.readNames();
    return book;
  }

  private void loadFile(Path f) {
    String text;
    try {
      text = Files.readString(f);
    } catch (IOException e) {
      throw new RuleError("cannot read rule file " + f + ": " + e.getMessage());
    }
    try {
      session.eval(text);
    } catch (RuntimeException e) {
      throw new RuleError("rule file " + f + " does not evaluate: " + e.getMessage());
    }
  }

  public Path directory() {
    return directory;
  }

  public SymjaSession session() {
    return session;
  }

  public KnownNames knownNames() {
    return known;
  }

  private KnownNames readNames() {
    Set<String> acts = firstArguments("Activation");
    Set<String> params = firstArguments("ReadoutFactor");
    List<String> patterns = stringList("Patterns");
    Set<String> dists = new LinkedHashSet<>(stringList("InputDistributions"));
    if (acts.isEmpty()) throw new RuleError("the rules define no Activation[\"name\"]");
    if (patterns.isEmpty()) throw new RuleError("the rules define no Patterns = {...}");
    return new KnownNames(acts, patterns, params, dists);
  }

  /** The string first arguments of the definitions of {@code head}, e.g. Activation["erf"] = ... */
  private Set<String> firstArguments(String head) {
    IExpr dv = session.eval("DownValues[" + head + "]");
    Set<String> out = new TreeSet<>();
    if (dv instanceof IAST list) {
      for (int i = 1; i < list.size(); i++) {
        // each definition is HoldPattern[head["name", ...]] :> value
        IExpr lhs = list.get(i).first();
        if (lhs.isAST() && lhs.head().toString().equals("HoldPattern")) lhs = lhs.first();
        if (lhs instanceof IAST call && call.size() > 1 && call.arg1().isString()) out.add(call.arg1().toString());
      }
    }
    return out;
  }

  private List<String> stringList(String symbol) {
    IExpr v = session.eval(symbol);
    List<String> out = new ArrayList<>();
    if (v instanceof IAST list && list.isList()) {
      for (int i = 1; i < list.size(); i++) out.add(list.get(i).toString());
    }
    return out;
  }

  /** The activation {@code name} with its Hermite content (computed once, then cached). */
  public Activation activation(String name) {
    return activations.computeIfAbsent(name, this::buildActivation);
  }

  private Activation buildActivation(String name) {
    IExpr fn = session.eval("Activation[\"" + name + "\"]");
    ISymbol z = F.symbol("z");
    IExpr body = session.eval(F.unaryAST1(fn, z));
    DoubleUnaryOperator value = NumericFunction.compile(body, z, session);
    IExpr derivativeExpr = session.eval(F.D(body, z));
    DoubleUnaryOperator derivative = derivativeExpr.isFree(F.symbol("Derivative"))
        ? NumericFunction.compile(derivativeExpr, z, session)
        : x -> (value.applyAsDouble(x + 1e-6) - value.applyAsDouble(x - 1e-6)) / 2e-6;
    BitSet degrees = new BitSet();
    boolean polynomial = true;
    for (int parity = 0; parity <= 1; parity++) {
      IExpr part = session.eval((parity == 1 ? "OddPart" : "EvenPart") + "[Activation[\"" + name + "\"]]");
      if (part.isZero()) continue;
      if (session.eval(F.unaryAST1(F.symbol("PolynomialPartQ"), part)).isTrue()) {
        Q[] coeffs = rationalCoefficients(part);
        if (coeffs != null) {
          degrees.or(HermiteContent.ofPolynomial(coeffs, parity, MAX_DEGREE));
          continue;
        }
      } else {
        polynomial = false;
      }
      DoubleUnaryOperator partFn = NumericFunction.compile(part, z, session);
      degrees.or(HermiteContent.ofFunction(partFn, parity, MAX_DEGREE));
    }
    return new Activation(name, body.toMMA(), value, derivative, degrees, polynomial);
  }

  private Q[] rationalCoefficients(IExpr polynomial) {
    IExpr list = session.eval(F.unaryAST1(F.symbol("PolynomialCoefficients"), polynomial));
    if (!(list instanceof IAST l)) return null;
    Q[] out = new Q[l.size() - 1];
    for (int i = 1; i < l.size(); i++) {
      IExpr c = l.get(i);
      if (!c.isRational()) return null;
      org.hipparchus.fraction.BigFraction r = ((org.matheclipse.core.interfaces.IRational) c).toBigFraction();
      out[i - 1] = Q.of(r.getNumerator(), r.getDenominator());
    }
    return out;
  }

  /**
   * Evaluates {@code text} (Mathematica, written by flscale with placeholder symbols, never from
   * user input) once and caches the result: the exponent templates of the local formulas.
   */
  public IExpr template(String text) {
    return templateCache.computeIfAbsent(text, session::eval);
  }
}
