package org.flscale.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.flscale.math.Q;
import org.flscale.model.KnownNames;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The rule set: every rules/*.m file evaluated in one Symja session, in file-name order. Java asks
 * it for names (activations, patterns, parametrizations), for activations' formulas and Hermite
 * content, and for the local formulas of the analysis (costs, norms, constraints) as templates.
 *
 * <p>Symja takes seconds to start, so what the rules answered is kept in a cache file keyed by a
 * hash of the rule files' contents ({@code $XDG_CACHE_HOME/flscale}, or {@code ~/.cache/flscale}):
 * a derivation whose questions were all asked before never starts Symja. Editing any rule file
 * changes the hash, so a stale answer is never used.
 *
 * <p>A little over 250 lines: it is the one gate to Symja, so loading, the contract check, the cache
 * and the questions share its session and its lock; the names, the cache file and the contract are
 * in RuleNames, RuleCache and RuleContract.
 */
public final class RuleBook {
  /** Hermite degrees are tracked up to this bound. */
  public static final int MAX_DEGREE = 40;
  private static final int CACHE_FORMAT = RuleCache.CACHE_FORMAT;

  private final Path directory;
  private final List<Path> files;
  private final String hash;
  private final Path cacheFile;
  private SymjaSession session;
  private KnownNames known;
  private final Map<String, ActivationContent> contents = new LinkedHashMap<>();
  private final Map<String, Activation> activations = new HashMap<>();
  private final Map<String, Template> templates = new LinkedHashMap<>();
  private boolean dirty;
  private final Map<String, Path> definedIn = new HashMap<>();

  private RuleBook(Path directory, List<Path> files, String hash, Path cacheFile) {
    this.directory = directory;
    this.files = files;
    this.hash = hash;
    this.cacheFile = cacheFile;
  }

  /** Loads every *.m file of {@code directory} (from the cache when the files are unchanged). */
  public static RuleBook load(Path directory) {
    return load(directory, defaultCacheDirectory());
  }

  /** As {@link #load(Path)}, with an explicit cache directory (null: no cache). */
  public static RuleBook load(Path directory, Path cacheDirectory) {
    if (!Files.isDirectory(directory)) throw new RuleError("rule directory " + directory + " does not exist");
    List<Path> files;
    try (Stream<Path> s = Files.list(directory)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".m")).sorted().toList();
    } catch (IOException e) {
      throw new RuleError("cannot list " + directory + ": " + e.getMessage());
    }
    if (files.isEmpty()) throw new RuleError("no rule files (*.m) in " + directory);
    String hash = hashOf(files);
    Path cache = cacheDirectory == null ? null : cacheDirectory.resolve("rules-" + hash + ".json");
    RuleBook book = new RuleBook(directory, files, hash, cache);
    if (!book.readCache()) {
      book.session(); // evaluate the files now: a broken rule file is reported at once
      book.known = RuleNames.read(book.session());
      book.checkContract();
      book.dirty = true;
    }
    return book;
  }

  private static Path defaultCacheDirectory() {
    if ("off".equals(System.getProperty("flscale.cache"))) return null; // the tests keep out of $HOME
    String xdg = System.getenv("XDG_CACHE_HOME");
    String home = System.getProperty("user.home");
    if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "flscale");
    return home == null ? null : Path.of(home, ".cache", "flscale");
  }

  private static String hashOf(List<Path> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(("flscale-rules-" + CACHE_FORMAT + "-" + MAX_DEGREE).getBytes(StandardCharsets.UTF_8));
      for (Path f : files) {
        md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (IOException e) {
      throw new RuleError("cannot read rule files: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Symja session with every rule file evaluated, started on first use. */
  public synchronized SymjaSession session() {
    if (session == null) {
      SymjaSession s = new SymjaSession();
      for (Path f : files) {
        String text;
        try {
          text = Files.readString(f);
        } catch (IOException e) {
          throw new RuleError("cannot read rule file " + f + ": " + e.getMessage());
        }
        try {
          s.eval(text);
        } catch (RuntimeException e) {
          throw new RuleError("rule file " + f + " does not evaluate: " + e.getMessage());
        }
        session = s;
        // which file declared each kind and pattern, for the contract's messages
        for (String kind : RuleNames.firstArguments(s, "KindOptions")) definedIn.putIfAbsent(kind, f);
        for (String pattern : RuleNames.firstArguments(s, "PatternParameter")) definedIn.putIfAbsent(pattern, f);
      }
      session = s;
    }
    return session;
  }

  public Path directory() {
    return directory;
  }

  /** Whether Symja had to be started (false when the cache answered everything so far). */
  public synchronized boolean symjaStarted() {
    return session != null;
  }

  public KnownNames knownNames() {
    return known;
  }

  /** Every kind, pattern and reading must define the heads the rule contract says it needs. */
  private void checkContract() {
    RuleContract.check(session(), new RuleContract.KnownNamesView() {
      public List<String> kinds() {
        return List.copyOf(known.kinds().keySet());
      }

      public String kindOptions(String kind) {
        List<String> opts = new ArrayList<>(known.kinds().get(kind).options());
        opts.addAll(known.kinds().get(kind).inputOptions());
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < opts.size(); i++) sb.append(i > 0 ? ", " : "").append('"').append(opts.get(i)).append("\" -> flO").append(i + 1);
        return sb.append('}').toString();
      }

      public List<String> patterns() {
        return known.patterns();
      }

      public List<String> readings() {
        return known.lazyReadings();
      }
    }, definedIn);
  }

  /** The activation's formula and Hermite content (no Symja needed once cached). */
  public synchronized ActivationContent activationContent(String name) {
    ActivationContent c = contents.get(name);
    if (c == null) {
      try {
        c = computeContent(name);
      } catch (RuleError e) {
        throw e;
      } catch (RuntimeException e) {
        throw new RuleError("the rule Activation[\"" + name + "\"] cannot be evaluated as a function of z ("
            + e.getMessage() + "); write it as Function[z, formula]");
      }
      contents.put(name, c);
      dirty = true;
    }
    return c;
  }

  /**
   * The activation with fast numeric value and derivative (for the verifier); starts Symja. Call
   * it from the thread that loaded the rules: Symja's engine belongs to one thread.
   */
  public synchronized Activation activation(String name) {
    return activations.computeIfAbsent(name, n -> {
      ActivationContent c = activationContent(n);
      SymjaSession s = session();
      ISymbol z = s.symbol("z");
      IExpr body = s.eval(F.unaryAST1(s.eval("Activation[\"" + n + "\"]"), z));
      DoubleUnaryOperator value = NumericFunction.compile(body, z, s);
      IExpr derivativeExpr = s.eval(F.D(body, z));
      DoubleUnaryOperator derivative = derivativeExpr.isFree(F.symbol("Derivative"))
          ? NumericFunction.compile(derivativeExpr, z, s)
          : x -> (value.applyAsDouble(x + 1e-6) - value.applyAsDouble(x - 1e-6)) / 2e-6;
      return new Activation(n, c.formula(), value, derivative, c.degrees(), c.polynomial());
    });
  }

  private ActivationContent computeContent(String name) {
    SymjaSession s = session();
    ISymbol z = s.symbol("z");
    IExpr body = s.eval(F.unaryAST1(s.eval("Activation[\"" + name + "\"]"), z));
    BitSet degrees = new BitSet();
    boolean polynomial = true;
    for (int parity = 0; parity <= 1; parity++) {
      IExpr part = s.eval((parity == 1 ? "OddPart" : "EvenPart") + "[Activation[\"" + name + "\"]]");
      if (part.isZero()) continue;
      if (s.eval(F.unaryAST1(s.symbol("PolynomialPartQ"), part)).isTrue()) {
        Q[] coeffs = rationalCoefficients(s, part);
        if (coeffs != null) {
          degrees.or(HermiteContent.ofPolynomial(coeffs, parity, MAX_DEGREE));
          continue;
        }
      } else {
        polynomial = false;
      }
      DoubleUnaryOperator partFn = NumericFunction.compile(part, z, s);
      degrees.or(HermiteContent.ofFunction(partFn, parity, MAX_DEGREE));
    }
    return new ActivationContent(name, body.toMMA(), degrees, polynomial);
  }

  private static Q[] rationalCoefficients(SymjaSession s, IExpr polynomial) {
    IExpr list = s.eval(F.unaryAST1(s.symbol("PolynomialCoefficients"), polynomial));
    if (!(list instanceof IAST l)) return null;
    Q[] out = new Q[l.size() - 1];
    for (int i = 1; i < l.size(); i++) {
      IExpr c = l.get(i);
      if (!c.isRational()) return null;
      Template t = Template.of(c);
      out[i - 1] = t.number();
    }
    return out;
  }

  /**
   * Evaluates {@code text} (Mathematica, written by flscale with placeholder symbols, never from
   * user input) once and keeps the result as a template.
   */
  public synchronized Template template(String text) {
    Template t = templates.get(text);
    if (t == null) {
      try {
        t = Template.of(session().eval(text));
      } catch (RuleError e) {
        throw e;
      } catch (RuntimeException e) {
        throw new RuleError("the rules fail on " + text + ": " + e.getMessage());
      }
      templates.put(text, t);
      dirty = true;
    }
    return t;
  }

  /** Writes what was learned from Symja to the cache file (quietly skipped when it cannot). */
  public synchronized void saveCache() {
    if (!dirty || cacheFile == null) return;
    if (RuleCache.write(cacheFile, hash, new RuleCache.Contents(known, contents, templates))) dirty = false;
  }

  private boolean readCache() {
    RuleCache.Contents c = cacheFile == null ? null : RuleCache.read(cacheFile, hash);
    if (c == null) return false;
    known = c.known();
    contents.putAll(c.contents());
    templates.putAll(c.templates());
    return true;
  }
}
