package org.flscale.derive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flscale.math.Affine;
import org.flscale.model.ArchModel;
import org.flscale.solve.Box;
import org.flscale.solve.MinMax;

/**
 * The pattern assignments of a chain of layers, built layer by layer: each partial assignment hands
 * the next layer its state, the norm table of the features its kernel carries, with the costs and
 * constraints so far. Two pruning rules keep the enumeration small, and neither changes a result:
 * <ul>
 *   <li>a feature choice of a layer that costs no less and leaves no smaller norm than another is
 *       dropped (norms only ever enter costs and a_y increasingly);</li>
 *   <li>with {@code mergeStates}, partial assignments whose states are the same up to the names of
 *       their parameters have the same completions with the same energies, so only the one that
 *       the tie-break prefers (fewer non-lazy layers, then the patterns' order layer by layer) is
 *       continued. The winner is unchanged; the assignments dropped are not listed.</li>
 * </ul>
 */
final class LayerChain {
  private final ArchModel model;
  private final Templates templates;
  private final NormTables tables;
  private final List<KindFacts> kinds;
  private final Box box;
  private final Affine costWeight;
  private final String lazy;
  private final boolean mergeStates;
  private final int k;
  /** The prefixes of the assignments to build, or null for every assignment. */
  private Set<List<String>> prefixes;
  private int merged;

  LayerChain(ArchModel model, Templates templates, NormTables tables, List<KindFacts> kinds, Box box, Affine costWeight, String lazy,
      boolean mergeStates) {
    this.model = model;
    this.templates = templates;
    this.tables = tables;
    this.kinds = kinds;
    this.box = box;
    this.costWeight = costWeight;
    this.lazy = lazy;
    this.mergeStates = mergeStates;
    this.k = model.target().degree();
  }

  /** What the layers below the current one have chosen, what they cost, and the table they leave. */
  private record Node(List<String> patterns, List<Integer> features, List<MinMax> costs, List<Affine> constraints,
      List<String> variables, List<String> variableLayers, MinMax[] table, int nonLazy) {
    Node then(String pattern, int feature, MinMax cost, List<Affine> cons, String var, String layer, MinMax[] next, boolean lazy) {
      List<MinMax> c = new ArrayList<>(costs);
      if (cost != null) c.add(cost);
      List<Affine> g = new ArrayList<>(constraints);
      g.addAll(cons);
      List<String> v = new ArrayList<>(variables), vl = new ArrayList<>(variableLayers);
      if (var != null) {
        v.add(var);
        vl.add(layer);
      }
      return new Node(append(patterns, pattern), append(features, feature), c, g, v, vl, next, nonLazy + (lazy ? 0 : 1));
    }

    private static <X> List<X> append(List<X> list, X x) {
      List<X> out = new ArrayList<>(list);
      out.add(x);
      return out;
    }
  }

  /** Builds only these assignments (a {@link Shortlist}). */
  LayerChain only(Set<List<String>> assignments) {
    prefixes = new HashSet<>();
    for (List<String> a : assignments) for (int i = 0; i <= a.size(); i++) prefixes.add(a.subList(0, i));
    return this;
  }

  /** How many partial assignments were merged into an equivalent one (0 without mergeStates). */
  int merged() {
    return merged;
  }

  /** Every assignment continued to the top, with its energy, in the patterns' order layer by layer. */
  List<Energy> energies(List<String> patterns, Runnable assigned, TimeLimit limit) {
    List<Node> frontier = List.of(new Node(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), tables.baseline(0), 0));
    for (int l = 0; l < model.layers().size(); l++) {
      Map<String, Node> next = new LinkedHashMap<>();
      List<Node> all = new ArrayList<>();
      for (Node node : frontier) {
        int layer = l;
        limit.check(() -> "building the energies of " + model.name() + " (layer " + (layer + 1) + " of " + model.layers().size() + ", "
            + (mergeStates ? next.size() : all.size()) + " partial assignments so far)");
        for (Node child : expand(l, node, patterns)) {
          if (!mergeStates) {
            all.add(child);
            continue;
          }
          String key = state(child);
          Node before = next.get(key);
          if (before == null) next.put(key, child);
          else {
            merged++;
            if (preferred(child, before, patterns)) next.put(key, child);
          }
        }
      }
      frontier = mergeStates ? new ArrayList<>(next.values()) : all;
    }
    List<Energy> out = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    Set<List<String>> assignments = new HashSet<>();
    int last = model.layers().size() - 1;
    String readWidth = model.layers().get(last).width();
    Affine width = readWidth != null ? EnergyBuilder.symbol(model, readWidth) : kinds.get(last).units();
    MinMax readout = templates.readoutFactor(model.parametrization(), width);
    for (Node n : frontier) {
      limit.check(() -> "building the energies of " + model.name() + " (" + assignments.size() + " assignments done)");
      if (assignments.add(n.patterns())) assigned.run();
      Energy e = new Energy(new PatternAssignment(n.patterns(), lazy), n.features(), n.costs(), readout.plus(n.table()[k]).pruned(box),
          n.constraints(), n.variables(), n.variableLayers());
      // another feature choice of the same assignment with the same energy adds nothing
      if (seen.add(List.of(e.assignment(), e.total(), e.constraints()))) out.add(e);
    }
    return out;
  }

  /** The children of a partial assignment at layer l: each pattern, and for a non-lazy one each feature worth acting on. */
  private List<Node> expand(int l, Node node, List<String> patterns) {
    List<Node> out = new ArrayList<>();
    KindFacts kind = kinds.get(l);
    Affine width = kind.units();
    String layerName = model.layers().get(l).name();
    MinMax[] nu = node.table();
    for (String pattern : patterns) {
      if (prefixes != null && !prefixes.contains(Node.append(node.patterns(), pattern))) continue;
      String param = templates.parameter(pattern);
      if (param == null) {
        out.add(node.then(pattern, 0, null, List.of(), null, null, tables.lazy(l, nu), true));
        continue;
      }
      String var = EnergyBuilder.variableName(model, param, l);
      Affine p = Affine.var(var);
      box.set(var, null, null);
      boolean amplifies = !templates.feedIsIdentity(pattern);
      List<Integer> feats = new ArrayList<>();
      List<MinMax> costs = new ArrayList<>();
      List<List<Affine>> cons = new ArrayList<>();
      List<MinMax[]> nexts = new ArrayList<>();
      for (int a : templates.featureDegrees(k)) {
        if (nu[a].isInfinite()) continue;
        List<Affine> c = templates.constraints(kind.kind(), pattern, p, width, nu[a]);
        for (Affine g : c) box.narrowBy(g);
        MinMax spike = templates.spike(kind.kind(), pattern, p, width, nu[a]);
        MinMax[] next = tables.acting(l, a, nu, pattern, p, spike, amplifies);
        if (next == null) continue; // its spike would reach no degree we track
        feats.add(a);
        costs.add(EnergyBuilder.weighted(templates.cost(kind.kind(), pattern, p, kind.weightVectors(), nu[a]), costWeight));
        cons.add(c);
        nexts.add(next);
      }
      for (int i = 0; i < feats.size(); i++) {
        if (dominated(i, costs, nexts)) continue;
        out.add(node.then(pattern, feats.get(i), costs.get(i), cons.get(i), var, layerName, nexts.get(i), false));
      }
    }
    return out;
  }

  /** The tie-break between two partial assignments: fewer non-lazy layers, then the patterns' order layer by layer. */
  private static boolean preferred(Node a, Node b, List<String> order) {
    if (a.nonLazy() != b.nonLazy()) return a.nonLazy() < b.nonLazy();
    for (int i = 0; i < a.patterns().size(); i++) {
      int c = Integer.compare(order.indexOf(a.patterns().get(i)), order.indexOf(b.patterns().get(i)));
      if (c != 0) return c < 0;
    }
    return false;
  }

  /**
   * A feature choice is not worth following when another costs no more and leaves every norm no
   * larger; on an exact tie the first is kept.
   */
  private boolean dominated(int i, List<MinMax> costs, List<MinMax[]> nexts) {
    for (int j = 0; j < costs.size(); j++) {
      if (j == i || !below(costs.get(j), costs.get(i)) || !below(nexts.get(j), nexts.get(i))) continue;
      boolean tie = below(costs.get(i), costs.get(j)) && below(nexts.get(i), nexts.get(j));
      if (!tie || j < i) return true;
    }
    return false;
  }

  private boolean below(MinMax a, MinMax b) {
    if (a == null || b == null) return a == null;
    if (b.isInfinite()) return true;
    if (a.isInfinite()) return false;
    return a.certainlyBelow(b, box);
  }

  private boolean below(MinMax[] a, MinMax[] b) {
    for (int j = 0; j < a.length; j++) if (!below(a[j], b[j])) return false;
    return true;
  }

  /**
   * A partial assignment's state with its parameters renamed in order (#1, #2, ...): the costs and
   * constraints as sets, and the norm table. Equal states have equal completions.
   */
  private static String state(Node n) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String v : n.variables()) names.put(v, "#" + (names.size() + 1));
    StringBuilder sb = new StringBuilder();
    TreeSet<String> costs = new TreeSet<>();
    for (MinMax c : n.costs()) costs.add(canonical(c, names));
    sb.append(costs).append('|');
    for (MinMax t : n.table()) sb.append(canonical(t, names)).append(';');
    TreeSet<String> cons = new TreeSet<>();
    for (Affine g : n.constraints()) cons.add(canonical(g, names));
    return sb.append('|').append(cons).toString();
  }

  private static String canonical(MinMax m, Map<String, String> names) {
    TreeSet<String> branches = new TreeSet<>();
    for (List<Affine> b : m.branches()) {
      TreeSet<String> terms = new TreeSet<>();
      for (Affine a : b) terms.add(canonical(a, names));
      branches.add(terms.toString());
    }
    return branches.toString();
  }

  private static String canonical(Affine a, Map<String, String> names) {
    Affine r = a;
    for (var e : names.entrySet()) r = r.substitute(e.getKey(), Affine.var(e.getValue()));
    return r.toString();
  }
}
