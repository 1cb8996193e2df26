package org.flscale.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Erf;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A fast double-precision evaluator for a Symja expression in one variable, used for quadrature
 * and by the numeric verifier. Symja's own numeric evaluation of Erf takes milliseconds a point;
 * this walks the expression tree once into Java lambdas. Heads it does not know fall back to
 * Symja (correct, slow), so a user-defined activation still works.
 */
public final class NumericFunction {
  private NumericFunction() {}

  public static DoubleUnaryOperator compile(IExpr expr, ISymbol var, SymjaSession session) {
    if (expr.equals(var)) return z -> z;
    if (expr.isFree(var)) {
      double c = session.eval(F.N(expr)).evalDouble();
      return z -> c;
    }
    if (expr instanceof IAST ast && ast.head() instanceof ISymbol head) {
      List<DoubleUnaryOperator> args = new ArrayList<>();
      for (int i = 1; i < ast.size(); i++) args.add(compile(ast.get(i), var, session));
      DoubleUnaryOperator a = args.isEmpty() ? null : args.get(0);
      switch (head.getSymbolName()) {
        case "Plus":
          return fold(args, true);
        case "Times":
          return fold(args, false);
        case "Power": {
          DoubleUnaryOperator b = args.get(1);
          if (ast.arg2().isInteger()) {
            int n = ast.arg2().toIntDefault();
            return z -> intPow(a.applyAsDouble(z), n);
          }
          return z -> Math.pow(a.applyAsDouble(z), b.applyAsDouble(z));
        }
        case "Erf": return z -> Erf.erf(a.applyAsDouble(z));
        case "Erfc": return z -> Erf.erfc(a.applyAsDouble(z));
        case "Tanh": return z -> Math.tanh(a.applyAsDouble(z));
        case "Sinh": return z -> Math.sinh(a.applyAsDouble(z));
        case "Cosh": return z -> Math.cosh(a.applyAsDouble(z));
        case "Sech": return z -> 1 / Math.cosh(a.applyAsDouble(z));
        case "Exp": return z -> Math.exp(a.applyAsDouble(z));
        case "Log": if (args.size() == 1) return z -> Math.log(a.applyAsDouble(z)); break;
        case "Sin": return z -> Math.sin(a.applyAsDouble(z));
        case "Cos": return z -> Math.cos(a.applyAsDouble(z));
        case "ArcTan": if (args.size() == 1) return z -> Math.atan(a.applyAsDouble(z)); break;
        case "Abs": return z -> Math.abs(a.applyAsDouble(z));
        case "Sign": return z -> Math.signum(a.applyAsDouble(z));
        case "Sqrt": return z -> Math.sqrt(a.applyAsDouble(z));
        case "UnitStep":
        case "HeavisideTheta": return z -> a.applyAsDouble(z) >= 0 ? 1 : 0;
        case "LogisticSigmoid": return z -> 1 / (1 + Math.exp(-a.applyAsDouble(z)));
        case "Max": return z -> { double m = Double.NEGATIVE_INFINITY; for (var f : args) m = Math.max(m, f.applyAsDouble(z)); return m; };
        case "Min": return z -> { double m = Double.POSITIVE_INFINITY; for (var f : args) m = Math.min(m, f.applyAsDouble(z)); return m; };
        default: break;
      }
    }
    // Unknown head: ask Symja point by point.
    return z -> session.eval(F.N(F.subst(expr, var, F.num(z)))).evalDouble();
  }

  private static DoubleUnaryOperator fold(List<DoubleUnaryOperator> args, boolean sum) {
    DoubleUnaryOperator[] fs = args.toArray(new DoubleUnaryOperator[0]);
    if (sum) {
      return z -> { double s = 0; for (var f : fs) s += f.applyAsDouble(z); return s; };
    }
    return z -> { double s = 1; for (var f : fs) s *= f.applyAsDouble(z); return s; };
  }

  private static double intPow(double x, int n) {
    if (n < 0) return 1 / intPow(x, -n);
    double r = 1;
    for (int i = 0; i < n; i++) r *= x;
    return r;
  }
}
