package org.flscale.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.math.Rationals;
import org.flscale.model.ArchError;
import org.flscale.model.DynamicsSpec;
import org.flscale.model.Scale;
import org.flscale.model.SourcePos;
import org.flscale.parse.gen.ArchLexer;
import org.flscale.parse.gen.ArchParser;

/**
 * Parses a .arch file whose subject is training dynamics: 'model', 'scale' statements and one
 * 'dynamics KIND { ... }' block (the keys each kind takes are {@link DynamicsKeys}). The first
 * mistake is an {@link ArchError} with file, line and column, as for network files.
 */
public final class DynamicsFileParser {
  /** Whether the text has a 'dynamics' block (a lexer pass only: a file with a syntax error still answers). */
  public static boolean isDynamics(String text) {
    ArchLexer lexer = new ArchLexer(CharStreams.fromString(ArchSource.withoutByteOrderMark(text)));
    lexer.removeErrorListeners();
    for (Token t : lexer.getAllTokens()) if (t.getType() == ArchLexer.DYNAMICS) return true;
    return false;
  }

  public DynamicsSpec parse(String text, String file) {
    return new Builder(file).build(ArchSource.tree(text, file));
  }

  private static final class Builder {
    private final String file;
    private String model, base, kind;
    private SourcePos kindPos;
    private final Map<String, Scale> scales = new LinkedHashMap<>();
    private final Map<String, DynamicsSpec.Value> entries = new LinkedHashMap<>();

    Builder(String file) {
      this.file = file;
    }

    DynamicsSpec build(ArchParser.FileContext tree) {
      List<ArchParser.StatementContext> statements = tree.statement();
      for (int i = 0; i < statements.size(); i++) {
        ParserRuleContext s = (ParserRuleContext) statements.get(i).getChild(0);
        if (i == 0 && !(s instanceof ArchParser.ModelStmtContext)) throw new ArchError(pos(s), "the file must start with 'model NAME'");
        if (s instanceof ArchParser.ModelStmtContext m) {
          if (model != null) throw new ArchError(pos(m), "'model' given twice");
          model = m.name.getText();
        } else if (s instanceof ArchParser.ScaleStmtContext sc) {
          scale(sc);
        } else if (s instanceof ArchParser.DynamicsStmtContext d) {
          dynamics(d);
        } else {
          throw new ArchError(pos(s), "a file with a 'dynamics' block has only 'model', 'scale' statements and that block; '"
              + s.getStart().getText() + "' belongs to a network file (flscale derive)");
        }
      }
      if (kind == null) throw new ArchError(pos(tree.getStop()), "missing 'dynamics KIND { ... }' block");
      return new DynamicsSpec(model, file, base, scales, kind, entries, kindPos);
    }

    private void scale(ArchParser.ScaleStmtContext s) {
      String name = s.name.getText();
      if (scales.containsKey(name)) {
        throw new ArchError(pos(s.name), "scale '" + name + "' is declared twice (first at line " + scales.get(name).pos().line() + ")");
      }
      if (kind != null) throw new ArchError(pos(s), "declare the scales before the 'dynamics' block");
      if (s.tiedTo == null) {
        boolean first = base == null;
        if (first) base = name;
        scales.put(name, new Scale(name, first ? Affine.constant(1) : Affine.var(name), first ? Scale.Kind.BASE : Scale.Kind.FREE, pos(s.name)));
        return;
      }
      if (base == null) throw new ArchError(pos(s.name), "the first scale is the base and cannot be tied to another; write 'scale " + name + "' first");
      Scale to = requireScale(s.tiedTo);
      Q q = s.exponent() == null ? Q.ONE : exponent(s.exponent());
      scales.put(name, new Scale(name, to.exponent().times(q), Scale.Kind.TIED, pos(s.name)));
    }

    private void dynamics(ArchParser.DynamicsStmtContext d) {
      if (kind != null) throw new ArchError(pos(d), "one 'dynamics' block a file (the first is at line " + kindPos.line() + ")");
      if (base == null) throw new ArchError(pos(d), "declare the large parameter first, e.g. 'scale N'");
      kind = d.kind.getText();
      kindPos = pos(d.kind);
      List<DynamicsKeys.Key> keys = DynamicsKeys.of(kind);
      if (keys == null) {
        String near = Spellings.nearest(kind, DynamicsKeys.kinds());
        throw new ArchError(kindPos, "unknown dynamics '" + kind + "'" + (near != null ? "; did you mean '" + near + "'?"
            : "; expected one of: " + String.join(", ", DynamicsKeys.kinds())));
      }
      for (ArchParser.DynEntryContext e : d.dynEntry()) entry(e, keys);
      List<String> missing = new ArrayList<>();
      for (DynamicsKeys.Key k : keys) if (k.required() && !entries.containsKey(k.name())) missing.add(example(k));
      if (!missing.isEmpty()) {
        throw new ArchError(pos(d.getStop()), "the '" + kind + "' block needs " + String.join(", ", missing));
      }
    }

    private void entry(ArchParser.DynEntryContext e, List<DynamicsKeys.Key> keys) {
      String name = e.key.getText() + (e.weight != null ? " " + e.weight.getText() : "");
      DynamicsKeys.Key key = keys.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
      if (key == null) {
        List<String> names = keys.stream().map(DynamicsKeys.Key::name).toList();
        String near = Spellings.nearest(name, names);
        throw new ArchError(pos(e), "'" + kind + "' takes no entry '" + name + "'" + (near != null ? "; did you mean '" + near + "'?"
            : "; it takes: " + String.join(", ", names)));
      }
      if (entries.containsKey(name)) {
        throw new ArchError(pos(e), "'" + name + "' given twice (first at line " + entries.get(name).pos().line() + ")");
      }
      if (!e.op.getText().equals(key.op())) {
        throw new ArchError(pos(e.op), "write '" + example(key) + "'" + (key.op().equals("~")
            ? " ('~': the weights are drawn with this variance)" : " ('=': a value, not a distribution)"));
      }
      entries.put(name, value(e.dynValue(), key, name));
    }

    private DynamicsSpec.Value value(ArchParser.DynValueContext v, DynamicsKeys.Key key, String name) {
      boolean negative = v.sign != null;
      SourcePos at = pos(v);
      if (v.num != null) {
        Q x = Rationals.parseDecimal(v.num.getText());
        if (x.signum() == 0) {
          if (!key.zeroAllowed()) throw new ArchError(at, "'" + name + "' must be positive");
          return new DynamicsSpec.Value(name, 0, 0, Affine.ZERO, v.getText(), at);
        }
        if (negative && !key.negativeAllowed()) throw new ArchError(at, "'" + name + "' must be positive");
        return new DynamicsSpec.Value(name, negative ? -1 : 1, x.doubleValue(), Affine.ZERO, v.getText(), at);
      }
      if (negative && !key.negativeAllowed()) throw new ArchError(at, "'" + name + "' must be positive; only delta takes a sign");
      Scale s = requireScale(v.scale);
      Q q = v.exponent() == null ? Q.ONE : exponent(v.exponent());
      Affine exp = s.exponent().times(q);
      if (key.growing() && !(exp.isConstant() && exp.constant().signum() > 0)) {
        throw new ArchError(at, "'" + name + "' must grow with the base scale: a positive power of " + base + ", e.g. '"
            + example(key) + "'");
      }
      return new DynamicsSpec.Value(name, negative ? -1 : 1, 1.0, exp, v.getText(), at);
    }

    /** How an entry is written, in the file's own base scale. */
    private String example(DynamicsKeys.Key k) {
      return k.example().replace("@", base);
    }

    private Scale requireScale(Token t) {
      Scale s = scales.get(t.getText());
      if (s == null) {
        throw new ArchError(pos(t), "undeclared scale '" + t.getText() + "'" + Spellings.didYouMean(t.getText(), scales.keySet())
            + "; declared scales: " + String.join(", ", scales.keySet()));
      }
      return s;
    }

    private Q exponent(ArchParser.ExponentContext e) {
      return new Positions(file).exponent(e);
    }

    private SourcePos pos(ParserRuleContext c) {
      return pos(c.getStart());
    }

    private SourcePos pos(Token t) {
      return new SourcePos(file, t.getLine(), t.getCharPositionInLine() + 1);
    }
  }
}
