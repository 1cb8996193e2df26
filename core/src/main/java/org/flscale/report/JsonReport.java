package org.flscale.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.flscale.derive.Derivation;
import org.flscale.derive.PatternOutcome;
import org.flscale.derive.Piece;
import org.flscale.math.Q;
import org.flscale.math.Rationals;
import org.flscale.model.Scale;

/** The JSON contract of docs/arch-language.md, plus the derivation's details (balance, features, regions). */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The version of docs/derive.schema.json this output follows; raised when a key changes meaning or goes. */
  public static final int SCHEMA_VERSION = 1;

  private JsonReport() {}

  public static ObjectNode toJson(Derivation d) {
    DerivationView v = new DerivationView(d);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("model", d.model().name());
    root.put("file", d.model().file());
    ObjectNode scales = root.putObject("scales");
    for (Scale s : d.model().scales().values()) {
      scales.put(s.name(), switch (s.kind()) {
        case BASE -> "base";
        case FREE -> "free";
        case TIED -> new Monomials(d.model().freeScales(), d.model().baseScale()).closedForm(s.exponent());
      });
    }
    root.put("target", d.model().target().display());
    root.put("parametrization", d.model().parametrization().display());
    // the key is always "kappa", whatever the file calls its ridge: a script must not need the file to read it
    root.put("kappa", Rationals.format(d.model().ridge()));
    root.put("ridge_name", d.model().ridgeName());
    ArrayNode reach = root.putArray("reachable");
    d.reachable().forEach(reach::add);

    ObjectNode pstar = root.putObject("pstar");
    pstar.put("learnable", d.learnable());
    if (!d.terms().isEmpty()) terms(root, d);
    if (!d.learnable()) {
      pstar.put("reason", d.reason());
      root.putArray("patterns");
      return root;
    }
    List<Piece> win = v.ordered(d.winner());
    d.pstarExponent().ifPresent(e -> pstar.put("exponent", Rationals.format(Q.of(e))));
    pstar.put("expression", v.piecewise(win));
    pstar.put("pattern", v.patternSummary(win));
    if (win.size() == 1) putDetails(pstar, v, win.get(0));
    if (!v.tied()) pstar.set("regions", regions(v, win));
    if (d.floor() != null) {
      ObjectNode floor = pstar.putObject("floor");
      if (d.floor().exponent().isConstant()) floor.put("exponent", Rationals.format(d.floor().exponent().constant()));
      floor.put("expression", v.floorExpression());
      pstar.put("binding", v.binding().name().toLowerCase());
    }

    ArrayNode patterns = root.putArray("patterns");
    for (PatternOutcome o : d.patterns()) {
      ObjectNode p = patterns.addObject();
      p.put("pattern", o.assignment().label());
      if (o.pieces().isEmpty()) {
        p.put("learnable", false);
        continue;
      }
      List<Piece> pieces = v.ordered(o.pieces());
      if (pieces.size() == 1 && v.exponent(pieces.get(0)) != null) p.put("exponent", v.exponent(pieces.get(0)));
      p.put("expression", v.piecewise(pieces));
      if (pieces.size() == 1) {
        putDetails(p, v, pieces.get(0));
      } else {
        p.set("regions", regions(v, pieces));
      }
    }
    return root;
  }

  /**
   * A target of several terms: each term's own P_* (as a one-term derivation's pstar), its
   * amplitude, whether it is of the largest amplitude, and its place in the order of learning.
   */
  private static void terms(ObjectNode root, Derivation d) {
    Monomials plain = new Monomials(d.model().freeScales(), d.model().baseScale());
    ArrayNode arr = root.putArray("terms");
    for (Derivation.TermDerivation t : d.terms()) {
      ObjectNode n = arr.addObject();
      n.put("term", t.term().display());
      n.put("amplitude", plain.closedForm(org.flscale.math.Affine.constant(t.amplitude())));
      n.put("relative_amplitude", plain.closedForm(org.flscale.math.Affine.constant(t.relativeAmplitude())));
      n.put("degree", t.term().degree());
      ArrayNode dirs = n.putArray("directions");
      t.term().factors().forEach(f -> dirs.add(f.direction()));
      n.put("largest", t.dominant());
      if (t.order() > 0) n.put("order", t.order());
      ObjectNode own = toJson(t.derivation());
      n.set("pstar", own.get("pstar"));
      n.set("patterns", own.get("patterns"));
    }
    ArrayNode order = root.putArray("learning_order");
    TermOrder.of(d).forEach(order::add);
  }

  private static void putDetails(ObjectNode node, DerivationView v, Piece piece) {
    node.put("energy", v.energy(piece));
    ObjectNode params = node.putObject("parameters");
    v.parameters(piece).forEach(params::put);
    if (!piece.unfixed().isEmpty()) {
      ObjectNode free = node.putObject("unfixed");
      v.unfixed(piece).forEach(free::put);
    }
    ArrayNode bal = node.putArray("balance");
    v.balance(piece).forEach(bal::add);
    ArrayNode feats = node.putArray("features");
    v.features(piece).forEach(feats::add);
  }

  private static ArrayNode regions(DerivationView v, List<Piece> pieces) {
    ArrayNode arr = MAPPER.createArrayNode();
    for (Piece p : pieces) {
      ObjectNode r = arr.addObject();
      ArrayNode when = r.putArray("when");
      v.conditions(p).forEach(when::add);
      r.put("pattern", p.assignment().label());
      r.put("expression", v.expression(p));
      if (v.binding(p) != null) r.put("binding", v.binding(p).name().toLowerCase());
      putDetails(r, v, p);
    }
    return arr;
  }

  /**
   * A file that could not be derived, in the place its derivation would have had:
   * {"error": {"file", "line", "column", "message"}}; line and column only when the mistake has a place.
   */
  public static ObjectNode error(String file, Integer line, Integer column, String message) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    ObjectNode e = root.putObject("error");
    e.put("file", file);
    if (line != null) e.put("line", line);
    if (column != null) e.put("column", column);
    e.put("message", message);
    return root;
  }

  public static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
