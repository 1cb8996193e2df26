package org.flscale.solve;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.math.Affine;

/**
 * An exact linear program: minimise an affine objective over free (unbounded) variables subject to
 * constraints g_i >= 0, where each g_i is affine in the variables and in <em>parameters</em> (any
 * symbol that is not a variable, e.g. the exponent of a free scale).
 *
 * <p>It is solved by the two-phase simplex method with Bland's rule in exact rational arithmetic at
 * one point of the parameters, carrying the right-hand side as affine forms in the parameters. The
 * solution is therefore parametric: the optimal value and the optimal variables are affine forms in
 * the parameters, valid in the critical region where the final basis stays feasible (the cost
 * vector does not depend on the parameters, so optimality does not change there).
 */
public final class LinearProgram {
  public enum Status { OPTIMAL, INFEASIBLE, UNBOUNDED }

  /**
   * The solution at the point and around it. {@code criticalRegion}: affine forms in the
   * parameters, all >= 0 exactly where {@code value} and {@code variables} stay optimal.
   * {@code binding}: the constraints with zero slack at the point.
   */
  public record Solution(
      Status status, Affine value, Map<String, Affine> variables, List<Affine> criticalRegion, BitSet binding) {}

  private final List<String> variables;
  private final List<Affine> constraints;
  private final Affine objective;

  public LinearProgram(List<String> variables, List<Affine> constraints, Affine objective) {
    this.variables = List.copyOf(variables);
    this.constraints = List.copyOf(constraints);
    this.objective = objective;
    for (String v : objective.vars()) {
      if (!variables.contains(v)) throw new IllegalArgumentException("objective depends on parameter " + v);
    }
  }

  public Solution solve(Map<String, Q> parameters) {
    return new Tableau(parameters).run();
  }

  /** Columns: u_j, v_j (x_j = u_j - v_j) for each variable, a surplus per row, an artificial per row. */
  private final class Tableau {
    final int n = variables.size();
    final int m = constraints.size();
    final int cols = 2 * n + 2 * m;
    final Q[][] a = new Q[m][cols];
    final Affine[] rhs = new Affine[m];
    final Q[] rhsAt = new Q[m];
    final int[] basis = new int[m];
    final boolean[] basic = new boolean[cols];
    /** The columns a pivot updates: all of them in phase 1, none of the artificials' after it (they never enter again). */
    int width = cols;
    final Map<String, Q> point;

    Tableau(Map<String, Q> point) {
      this.point = point;
      for (int i = 0; i < m; i++) {
        Affine g = constraints.get(i);
        // a.x + b(params) >= 0  <=>  a.x - s = -b(params)
        Affine b = g;
        for (String v : variables) b = b.substitute(v, Affine.ZERO);
        Affine r = b.times(Q.MINUS_ONE);
        Q rAt = r.eval(point);
        boolean flip = rAt.signum() < 0;
        Q sign = flip ? Q.MINUS_ONE : Q.ONE;
        for (int j = 0; j < cols; j++) a[i][j] = Q.ZERO;
        for (int j = 0; j < n; j++) {
          Q c = g.coeff(variables.get(j)).multiply(sign);
          a[i][2 * j] = c;
          a[i][2 * j + 1] = c.negate();
        }
        a[i][2 * n + i] = sign.negate();
        a[i][2 * n + m + i] = Q.ONE;
        rhs[i] = flip ? r.times(Q.MINUS_ONE) : r;
        rhsAt[i] = flip ? rAt.negate() : rAt;
        basis[i] = 2 * n + m + i;
        basic[basis[i]] = true;
      }
    }

    Solution run() {
      Q[] phase1 = new Q[cols];
      for (int j = 0; j < cols; j++) phase1[j] = j >= 2 * n + m ? Q.ONE : Q.ZERO;
      if (!optimise(phase1, cols)) throw new IllegalStateException("phase 1 cannot be unbounded");
      Q infeasibility = Q.ZERO;
      for (int i = 0; i < m; i++) if (basis[i] >= 2 * n + m) infeasibility = infeasibility.add(rhsAt[i]);
      if (infeasibility.signum() > 0) {
        return new Solution(Status.INFEASIBLE, null, Map.of(), List.of(), new BitSet());
      }
      driveOutArtificials();
      width = 2 * n + m;
      Q[] cost = new Q[cols];
      for (int j = 0; j < cols; j++) cost[j] = Q.ZERO;
      for (int j = 0; j < n; j++) {
        Q c = objective.coeff(variables.get(j));
        cost[2 * j] = c;
        cost[2 * j + 1] = c.negate();
      }
      if (!optimise(cost, 2 * n + m)) {
        return new Solution(Status.UNBOUNDED, null, Map.of(), List.of(), new BitSet());
      }
      return solution();
    }

    /** Simplex iterations with Bland's rule; columns >= allowed never enter. False if unbounded. */
    boolean optimise(Q[] cost, int allowed) {
      Q[] basicCost = new Q[m];
      while (true) {
        // reduced costs c_j - sum_i c_B(i) a_ij; most basic columns cost nothing (slacks, surpluses)
        for (int i = 0; i < m; i++) basicCost[i] = cost[basis[i]];
        int enter = -1;
        for (int j = 0; j < allowed && enter < 0; j++) {
          if (basic[j]) continue;
          Q r = cost[j];
          for (int i = 0; i < m; i++) {
            if (basicCost[i].signum() != 0 && a[i][j].signum() != 0) r = r.subtract(basicCost[i].multiply(a[i][j]));
          }
          if (r.signum() < 0) enter = j;
        }
        if (enter < 0) return true;
        int leave = -1;
        Q best = null;
        for (int i = 0; i < m; i++) {
          if (a[i][enter].signum() <= 0) continue;
          Q ratio = rhsAt[i].divide(a[i][enter]);
          int c = best == null ? -1 : ratio.compareTo(best);
          if (c < 0 || (c == 0 && basis[i] < basis[leave])) {
            best = ratio;
            leave = i;
          }
        }
        if (leave < 0) return false;
        pivot(leave, enter);
      }
    }

    void pivot(int row, int col) {
      Q p = a[row][col];
      Q inv = p.reciprocal();
      for (int j = 0; j < width; j++) if (a[row][j].signum() != 0) a[row][j] = a[row][j].multiply(inv);
      rhs[row] = rhs[row].times(inv);
      rhsAt[row] = rhsAt[row].multiply(inv);
      for (int i = 0; i < m; i++) {
        if (i == row) continue;
        Q f = a[i][col];
        if (f.signum() == 0) continue;
        for (int j = 0; j < width; j++) {
          if (a[row][j].signum() != 0) a[i][j] = a[i][j].subtract(f.multiply(a[row][j]));
        }
        rhs[i] = rhs[i].minus(rhs[row].times(f));
        rhsAt[i] = rhsAt[i].subtract(f.multiply(rhsAt[row]));
      }
      basic[basis[row]] = false;
      basis[row] = col;
      basic[col] = true;
    }

    /** Artificial variables left in the basis at level zero are pivoted out where a row allows it. */
    void driveOutArtificials() {
      for (int i = 0; i < m; i++) {
        if (basis[i] < 2 * n + m) continue;
        for (int j = 0; j < 2 * n + m; j++) {
          if (a[i][j].signum() != 0 && !basic[j]) {
            pivot(i, j);
            break;
          }
        }
      }
    }

    Solution solution() {
      Map<String, Affine> values = new LinkedHashMap<>();
      for (int j = 0; j < n; j++) values.put(variables.get(j), Affine.ZERO);
      List<Affine> region = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        int b = basis[i];
        // Only basic slacks must stay >= 0: a free variable's two halves are interchangeable
        // (the basis with the other half gives the same solution), so its sign is no boundary.
        if (b >= 2 * n && b < 2 * n + m && !rhs[i].isConstant()) region.add(rhs[i]);
        if (b < 2 * n) {
          String v = variables.get(b / 2);
          Affine val = b % 2 == 0 ? rhs[i] : rhs[i].times(Q.MINUS_ONE);
          values.put(v, values.get(v).plus(val));
        }
      }
      Affine value = Affine.constant(objective.constant());
      for (int j = 0; j < n; j++) value = value.plus(values.get(variables.get(j)).times(objective.coeff(variables.get(j))));
      BitSet binding = new BitSet();
      for (int i = 0; i < m; i++) {
        Affine g = constraints.get(i);
        Affine at = g;
        for (var e : values.entrySet()) at = at.substitute(e.getKey(), e.getValue());
        if (at.eval(point).signum() == 0) binding.set(i);
      }
      return new Solution(Status.OPTIMAL, value, values, region, binding);
    }
  }
}
