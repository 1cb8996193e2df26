package org.flscale.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.flscale.math.Affine;
import org.flscale.model.ArchError;
import org.flscale.model.Input;
import org.flscale.model.KnownNames;
import org.flscale.model.Layer;
import org.flscale.model.Readout;
import org.flscale.model.Scale;
import org.flscale.model.SourcePos;
import org.flscale.parse.gen.ArchParser;

/**
 * Reads the network block: hidden layers of the kinds the rules declare (their weights and options
 * checked against the kind), whole-network kinds, and the readout.
 */
final class NetworkReader extends StatementReader {
  private final List<Layer> layers = new ArrayList<>();
  private Readout readout;

  NetworkReader(Positions at, KnownNames known, Map<String, Scale> scales, String base, Input input) {
    super(at, known, scales, base, input);
  }

  List<Layer> layers() {
    return layers;
  }

  Readout readout() {
    return readout;
  }

  /** The network block's layers and readout, each checked against its kind's rules. */
  void read(ArchParser.NetworkStmtContext n) {
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
    return ArchFileParser.sorted(names);
  }
}
