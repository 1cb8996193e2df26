package org.flscale.solve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.math.Affine;

/**
 * A bounded convex cell {s : g_i(s) >= 0} in the space of the free scales' exponents, with its
 * vertices computed exactly. When the constraints bound every axis (the solver's cells all hold
 * its box), the vertices are the box's corners cut by one constraint after another: a cut keeps the
 * vertices on its side and adds the point where it crosses each edge from one side to the other
 * (two vertices are the ends of an edge when no third vertex is tight on every constraint tight at
 * both). Otherwise every choice of dim(s) constraints is made tight and kept when it satisfies the
 * rest, which costs (constraints choose dim) solves and is what made several free widths slow.
 */
public final class Polytope {
  private final List<String> axes;
  private final List<Affine> constraints;
  private List<Map<String, Q>> vertices;

  public Polytope(List<String> axes, List<Affine> constraints) {
    this.axes = axes;
    this.constraints = List.copyOf(constraints);
  }

  List<Affine> constraints() {
    return constraints;
  }

  Polytope with(Affine g) {
    List<Affine> c = new ArrayList<>(constraints);
    c.add(g);
    return new Polytope(axes, c);
  }

  public List<Map<String, Q>> vertices() {
    if (vertices == null) vertices = enumerate();
    return vertices;
  }

  /**
   * The same cell without the constraints that are strictly positive at every vertex: those are
   * implied by the others (the cell is bounded), and keeping them makes every later question dearer.
   */
  Polytope reduced() {
    List<Affine> kept = new ArrayList<>();
    for (Affine g : constraints) {
      boolean touches = false;
      for (var v : vertices()) {
        if (g.eval(v).signum() == 0) {
          touches = true;
          break;
        }
      }
      if (touches || vertices().isEmpty()) kept.add(g);
    }
    Polytope p = new Polytope(axes, kept);
    p.vertices = vertices;
    return p;
  }

  /** The centroid of the vertices when the cell is full-dimensional, else null. */
  public Map<String, Q> interiorPoint() {
    List<Map<String, Q>> vs = vertices();
    if (axes.isEmpty()) return vs.isEmpty() ? null : Map.of();
    if (vs.size() < axes.size() + 1 || !fullDimensional(vs)) return null;
    Map<String, Q> c = new LinkedHashMap<>();
    for (String a : axes) {
      Q s = Q.ZERO;
      for (var v : vs) s = s.add(v.get(a));
      c.put(a, s.divide(vs.size()));
    }
    return c;
  }

  /** True when g takes both signs strictly inside the cell (for a full-dimensional cell). */
  boolean cuts(Affine g) {
    if (g.isConstant()) return false;
    boolean neg = false, pos = false;
    for (var v : vertices()) {
      int s = g.eval(v).signum();
      if (s < 0) neg = true;
      if (s > 0) pos = true;
    }
    return neg && pos;
  }

  /** Minimum of g over the cell (attained at a vertex). */
  Q minimum(Affine g) {
    Q m = null;
    for (var v : vertices()) {
      Q x = g.eval(v);
      if (m == null || x.compareTo(m) < 0) m = x;
    }
    return m;
  }

  private boolean fullDimensional(List<Map<String, Q>> vs) {
    int n = axes.size();
    List<Q[]> rows = new ArrayList<>();
    for (int i = 1; i < vs.size(); i++) {
      Q[] r = new Q[n];
      for (int j = 0; j < n; j++) r[j] = vs.get(i).get(axes.get(j)).subtract(vs.get(0).get(axes.get(j)));
      rows.add(r);
    }
    return rank(rows, n) == n;
  }

  private List<Map<String, Q>> enumerate() {
    int n = axes.size();
    List<Map<String, Q>> out = new ArrayList<>();
    if (n == 0) {
      for (Affine g : constraints) if (g.constant().signum() < 0) return out;
      out.add(Map.of());
      return out;
    }
    Q[][] box = bounds();
    return box != null ? cutFromBox(box) : everyChoice();
  }

  /** Per axis the tightest lower and upper bound among the one-variable constraints, or null when an axis has none. */
  private Q[][] bounds() {
    int n = axes.size();
    Q[][] box = new Q[n][2];
    for (Affine g : constraints) {
      if (g.arity() != 1) continue;
      int i = axes.indexOf(g.varAt(0));
      if (i < 0) continue;
      Q a = g.coeffAt(0), at = g.constant().negate().divide(a); // a s + c >= 0: s >= -c/a when a > 0, s <= -c/a when a < 0
      int side = a.signum() > 0 ? 0 : 1;
      if (box[i][side] == null || (side == 0 ? at.compareTo(box[i][side]) > 0 : at.compareTo(box[i][side]) < 0)) box[i][side] = at;
    }
    for (Q[] b : box) if (b[0] == null || b[1] == null) return null;
    return box;
  }

  /** A vertex and the constraints tight at it (bit k: the k-th cut made so far). */
  private record Corner(Map<String, Q> point, java.util.BitSet tight) {}

  private List<Map<String, Q>> cutFromBox(Q[][] box) {
    int n = axes.size();
    for (Q[] b : box) if (b[0].compareTo(b[1]) > 0) return new ArrayList<>();
    // the box's own 2n faces are cuts 0..2n-1; the constraints follow
    List<Corner> corners = new ArrayList<>();
    for (int mask = 0; mask < 1 << n; mask++) {
      Map<String, Q> p = new LinkedHashMap<>();
      java.util.BitSet tight = new java.util.BitSet();
      for (int i = 0; i < n; i++) {
        int side = (mask >> i) & 1;
        p.put(axes.get(i), box[i][side]);
        tight.set(2 * i + side);
        if (box[i][0].equals(box[i][1])) tight.set(2 * i + 1 - side);
      }
      if (!containsPoint(corners, p)) corners.add(new Corner(p, tight));
    }
    for (int k = 0; k < constraints.size() && !corners.isEmpty(); k++) corners = cut(corners, constraints.get(k), 2 * n + k);
    List<Map<String, Q>> out = new ArrayList<>();
    for (Corner c : corners) out.add(c.point());
    return out;
  }

  private static boolean containsPoint(List<Corner> corners, Map<String, Q> p) {
    for (Corner c : corners) if (c.point().equals(p)) return true;
    return false;
  }

  /** The vertices of the polytope with g >= 0 (cut number k) added. */
  private List<Corner> cut(List<Corner> corners, Affine g, int k) {
    Q[] value = new Q[corners.size()];
    boolean below = false;
    for (int i = 0; i < corners.size(); i++) {
      value[i] = g.eval(corners.get(i).point());
      below |= value[i].signum() < 0;
    }
    List<Corner> out = new ArrayList<>();
    for (int i = 0; i < corners.size(); i++) {
      if (value[i].signum() < 0) continue;
      Corner c = corners.get(i);
      if (value[i].signum() == 0) c.tight().set(k);
      out.add(c);
    }
    if (!below) return out;
    int n = axes.size();
    for (int i = 0; i < corners.size(); i++) {
      if (value[i].signum() <= 0) continue;
      for (int j = 0; j < corners.size(); j++) {
        if (value[j].signum() >= 0) continue;
        java.util.BitSet common = (java.util.BitSet) corners.get(i).tight().clone();
        common.and(corners.get(j).tight());
        if (common.cardinality() < n - 1 || !edge(corners, i, j, common)) continue;
        // the point of the edge where g = 0: u + t (w - u), t = g(u) / (g(u) - g(w))
        Q t = value[i].divide(value[i].subtract(value[j]));
        Map<String, Q> u = corners.get(i).point(), w = corners.get(j).point(), p = new LinkedHashMap<>();
        for (String a : axes) p.put(a, u.get(a).add(t.multiply(w.get(a).subtract(u.get(a)))));
        java.util.BitSet tight = (java.util.BitSet) common.clone();
        tight.set(k);
        out.add(new Corner(p, tight));
      }
    }
    return out;
  }

  /** Whether vertices i and j are the two ends of an edge: no other vertex is tight wherever both are. */
  private static boolean edge(List<Corner> corners, int i, int j, java.util.BitSet common) {
    for (int x = 0; x < corners.size(); x++) {
      if (x == i || x == j) continue;
      java.util.BitSet t = (java.util.BitSet) common.clone();
      t.andNot(corners.get(x).tight());
      if (t.isEmpty()) return false;
    }
    return true;
  }

  /** Every choice of dim constraints made tight, kept where it satisfies the rest. */
  List<Map<String, Q>> everyChoice() {
    int n = axes.size();
    List<Map<String, Q>> out = new ArrayList<>();
    int m = constraints.size();
    int[] pick = new int[n];
    for (int i = 0; i < n; i++) pick[i] = i;
    while (m >= n) {
      Map<String, Q> p = intersect(pick);
      if (p != null && feasible(p) && !out.contains(p)) out.add(p);
      int i = n - 1;
      while (i >= 0 && pick[i] == m - n + i) i--;
      if (i < 0) break;
      pick[i]++;
      for (int j = i + 1; j < n; j++) pick[j] = pick[j - 1] + 1;
    }
    return out;
  }

  private boolean feasible(Map<String, Q> p) {
    for (Affine g : constraints) if (g.eval(p).signum() < 0) return false;
    return true;
  }

  /** The point where the picked constraints are all zero, or null if they are not independent. */
  private Map<String, Q> intersect(int[] pick) {
    int n = axes.size();
    Q[][] a = new Q[n][n + 1];
    for (int i = 0; i < n; i++) {
      Affine g = constraints.get(pick[i]);
      for (int j = 0; j < n; j++) a[i][j] = g.coeff(axes.get(j));
      a[i][n] = g.constant().negate();
    }
    for (int col = 0; col < n; col++) {
      int piv = -1;
      for (int r = col; r < n; r++) if (a[r][col].signum() != 0) { piv = r; break; }
      if (piv < 0) return null;
      Q[] t = a[piv]; a[piv] = a[col]; a[col] = t;
      for (int r = 0; r < n; r++) {
        if (r == col || a[r][col].signum() == 0) continue;
        Q f = a[r][col].divide(a[col][col]);
        for (int c = col; c <= n; c++) a[r][c] = a[r][c].subtract(f.multiply(a[col][c]));
      }
    }
    Map<String, Q> p = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) p.put(axes.get(i), a[i][n].divide(a[i][i]));
    return p;
  }

  private static int rank(List<Q[]> rows, int n) {
    List<Q[]> m = new ArrayList<>();
    for (Q[] r : rows) m.add(r.clone());
    int rank = 0;
    for (int col = 0; col < n && rank < m.size(); col++) {
      int piv = -1;
      for (int r = rank; r < m.size(); r++) if (m.get(r)[col].signum() != 0) { piv = r; break; }
      if (piv < 0) continue;
      Q[] t = m.get(piv); m.set(piv, m.get(rank)); m.set(rank, t);
      for (int r = 0; r < m.size(); r++) {
        if (r == rank || m.get(r)[col].signum() == 0) continue;
        Q f = m.get(r)[col].divide(m.get(rank)[col]);
        for (int c = col; c < n; c++) m.get(r)[c] = m.get(r)[c].subtract(f.multiply(m.get(rank)[c]));
      }
      rank++;
    }
    return rank;
  }
}
