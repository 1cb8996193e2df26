package org.flscale.report;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flscale.TestRules;
import org.flscale.derive.Derivation;
import org.flscale.derive.Piece;
import org.flscale.math.Q;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;

/**
 * --format sympy and --format mathematica: both read as the answer itself. The Mathematica text is
 * evaluated by Symja (a Mathematica-language system), the SymPy text by SymPy where python3 has it,
 * at points off the regions' boundaries, against d^(the winning piece's exponent).
 */
class CasExportTest {
  private static final List<String> FILES = List.of("examples/two_layer_free_width.arch", "examples/three_layer_erf_he3.arch",
      "examples/two_layer_erf_he3.arch");
  private static final double D = 10;
  /** Exponents of the free scales, none on a boundary (the boundaries have small rational exponents). */
  private static final List<Q> AT = List.of(Q.of(37, 100), Q.of(173, 100), Q.of(33, 10), Q.of(61, 10));

  private static final Map<String, Derivation> DERIVED = new java.util.concurrent.ConcurrentHashMap<>();

  /** Each file derived once for all the tests here. */
  private static Derivation derive(String file) {
    return DERIVED.computeIfAbsent(file, f -> {
      try {
        return TestRules.derive(Files.readString(Path.of(f)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void theFreeWidthExampleInBothDialects() throws Exception {
    Derivation d = derive("examples/two_layer_free_width.arch");
    assertEquals("""
        # flscale: P_*/kappa of two_layer_free_width (t.arch), for sympy.parse_expr; exponents are exact
        # symbols renamed (built-in or not a symbol in SymPy/Mathematica): N -> Ns
        Piecewise((Ns**(1/2)*d**(1/2), (d >= Ns)), (Ns**(1/2)*d**(1/2), (Ns >= d) & (d**5 >= Ns)), (d**3, (Ns >= d**5)))
        """, CasExport.render(d, CasExport.Dialect.SYMPY));
    assertEquals("""
        (* flscale: P_*/kappa of two_layer_free_width (t.arch), for ToExpression; exponents are exact *)
        (* symbols renamed (built-in or not a symbol in SymPy/Mathematica): N -> Ns *)
        Piecewise[{{Ns^(1/2)*d^(1/2), d >= Ns}, {Ns^(1/2)*d^(1/2), Ns >= d && d^5 >= Ns}, {d^3, Ns >= d^5}}]
        """, CasExport.render(d, CasExport.Dialect.MATHEMATICA));
  }

  /** One point of the free scales' exponents per combination of AT, with the expected value of P_*. */
  private record Point(Map<String, Q> exponents, double expected) {}

  private static List<Point> points(Derivation d) {
    List<Map<String, Q>> grid = new ArrayList<>(List.of(new LinkedHashMap<>()));
    for (String s : d.model().freeScales()) {
      List<Map<String, Q>> next = new ArrayList<>();
      for (Map<String, Q> g : grid) {
        for (Q x : AT) {
          Map<String, Q> m = new LinkedHashMap<>(g);
          m.put(s, x);
          next.add(m);
        }
      }
      grid = next;
    }
    List<Point> out = new ArrayList<>();
    for (Map<String, Q> p : grid) {
      for (Piece piece : d.winner()) {
        if (piece.conditions().stream().allMatch(c -> c.eval(p).signum() > 0)) {
          out.add(new Point(p, Math.pow(D, piece.exponent().eval(p).doubleValue())));
        }
      }
    }
    return out;
  }

  private static String expression(String export) {
    return export.lines().filter(l -> !l.startsWith("#") && !l.startsWith("(*")).findFirst().orElseThrow();
  }

  /** The point as Mathematica rules, {d -> 10, Ns -> 10^(37/100)}, or as Python keywords, d=10, Ns=10**Rational(37, 100). */
  private static String assignment(Derivation d, Point p, CasExport.Dialect dialect) {
    Map<String, String> sym = CasExport.symbols(d);
    boolean m = dialect == CasExport.Dialect.MATHEMATICA;
    List<String> rules = new ArrayList<>();
    rules.add(sym.get(d.model().baseScale()) + (m ? " -> " : "=") + (int) D);
    p.exponents().forEach((s, x) -> rules.add(sym.get(s) + (m ? " -> " + (int) D + "^(" + x + ")"
        : "=" + (int) D + "**Rational(" + x.getNumerator() + ", " + x.getDenominator() + ")")));
    return String.join(", ", rules);
  }

  @Test
  void symjaReadsTheMathematicaTextAsTheAnswer() throws Exception {
    for (String file : FILES) {
      Derivation d = derive(file);
      String expr = expression(CasExport.render(d, CasExport.Dialect.MATHEMATICA));
      List<Point> points = points(d);
      assertFalse(points.isEmpty());
      // a thread of its own: Symja keeps its engine per thread, and the rules' engine must not see this one
      List<Double> values = new ArrayList<>();
      Throwable[] failure = new Throwable[1];
      Thread t = new Thread(() -> {
        try {
          EvalEngine engine = new EvalEngine(false); // Mathematica's syntax, not Symja's relaxed one
          EvalEngine.set(engine);
          ExprEvaluator ev = new ExprEvaluator(engine, true, (short) 0);
          for (Point p : points) {
            values.add(ev.eval("N[ReplaceAll[" + expr + ", {" + assignment(d, p, CasExport.Dialect.MATHEMATICA) + "}]]").evalf());
          }
        } catch (Throwable e) {
          failure[0] = e;
        }
      });
      t.start();
      t.join(60_000);
      if (failure[0] != null) fail(file + ": " + expr, failure[0]);
      assertEquals(points.size(), values.size(), file);
      for (int i = 0; i < points.size(); i++) assertEquals(points.get(i).expected(), values.get(i), 1e-9 * points.get(i).expected(), file);
    }
  }

  @Test
  void sympyReadsTheSympyTextAsTheAnswer() throws Exception {
    assumeTrue(sympyAvailable(), "python3 with sympy is not installed (apt-get install -y python3-sympy): SymPy check skipped");
    // one python3 for all files: per file, the names of its free symbols, then P_* at each point
    StringBuilder py = new StringBuilder("""
        from sympy import Symbol, Rational, Piecewise
        from sympy.parsing.sympy_parser import parse_expr
        """);
    for (String file : FILES) {
      Derivation d = derive(file);
      py.append("e = parse_expr(").append(pyString(expression(CasExport.render(d, CasExport.Dialect.SYMPY)))).append(")\n")
          .append("assert all(isinstance(s, Symbol) for s in e.free_symbols), e.free_symbols\n")
          .append("print(sorted(s.name for s in e.free_symbols))\n");
      for (Point p : points(d)) py.append("print(float(e.subs(dict(").append(assignment(d, p, CasExport.Dialect.SYMPY)).append("))))\n");
    }
    List<String> out = python(py.toString());
    int line = 0;
    for (String file : FILES) {
      Derivation d = derive(file);
      assertTrue(CasExport.symbols(d).values().containsAll(names(out.get(line))), file + ": " + out.get(line));
      line++;
      for (Point p : points(d)) assertEquals(p.expected(), Double.parseDouble(out.get(line++)), 1e-9 * p.expected(), file);
    }
    assertEquals(out.size(), line);
  }

  private static List<String> names(String pythonList) {
    String inner = pythonList.replaceAll("[\\[\\]' ]", "");
    return inner.isEmpty() ? List.of() : List.of(inner.split(","));
  }

  private static String pyString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static boolean sympyAvailable() {
    try {
      return python("import sympy\nprint('ok')\n").equals(List.of("ok"));
    } catch (Exception e) {
      return false;
    }
  }

  private static List<String> python(String script) throws Exception {
    Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 finishes");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    return out.lines().toList();
  }
}
