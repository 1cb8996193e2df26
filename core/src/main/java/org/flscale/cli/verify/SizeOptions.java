package org.flscale.cli.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.cli.UserError;
import org.flscale.verify.SizeSeries;
import org.flscale.verify.ChainStart;
import org.flscale.verify.SweepPlan;
import picocli.CommandLine.Option;

/** The sizes of the sweep: d, P/d, seeds, starts, and the free scales' --set values. */
public final class SizeOptions {
  @Option(names = "--d", split = ",", paramLabel = "D", description = "Input dimensions (overrides the budget's ladder).")
  List<Integer> dims;

  @Option(names = "--ratios", split = ",", paramLabel = "R", description = "Values of P/d (overrides the budget's ladder).")
  List<Double> ratios;

  @Option(names = "--seeds", description = "Seeds (data, teacher and chain) per cell.")
  Integer seeds;

  @Option(names = "--starts", split = ",", paramLabel = "START", converter = Labelled.Start.class, description = "Chain starts: random, aligned.")
  List<ChainStart> starts;

  @Option(names = "--set", paramLabel = "SCALE=d^q", converter = ScaleSetting.Converter.class,
      description = "Tie a free scale to the base scale, e.g. --set N=d^1 (exact exponents: 1/2, (3/4), 0.5), or fix its size at every d: H=2. "
          + "A scale the file ties is swept the same way (the derivation then leaves it free). Several values (repeated, or "
          + "d^(1/2),d^1) give one series of d per combination, and a collapse of all their points against the derivation's closed form.")
  List<ScaleSetting> sets = new ArrayList<>();

  /** Whether the user gave the d ladder (then it must be usable as it is). */
  public boolean dimsGiven() {
    return dims != null;
  }

  /** The budget's plan with these sizes in place of its own. */
  public SweepPlan applyTo(SweepPlan plan) {
    if (dims != null && dims.stream().anyMatch(d -> d < 2)) throw new UserError("--d values must be at least 2");
    if (ratios != null && ratios.stream().anyMatch(r -> !(r > 0))) throw new UserError("--ratios must be positive");
    if (seeds != null && seeds < 1) throw new UserError("--seeds must be at least 1");
    return plan.with(dims == null ? null : dims.stream().sorted().distinct().toList(), ratios == null ? null : ratios.stream().sorted().distinct().toList(),
        seeds, starts == null ? null : starts.stream().distinct().toList(), null);
  }

  /** The --set values per scale, in the order given; each must be a power of the model's base. */
  public Map<String, List<SizeSeries.Size>> values(String base) {
    Map<String, List<SizeSeries.Size>> out = new LinkedHashMap<>();
    for (ScaleSetting s : sets) {
      if (s.base() != null && !s.base().equals(base)) throw new UserError("--set " + s.scale() + "=" + s.base() + "^...: the model's base scale is " + base + " (write " + s.scale() + "=" + base + "^q)");
      List<SizeSeries.Size> l = out.computeIfAbsent(s.scale(), k -> new ArrayList<>());
      for (SizeSeries.Size q : s.sizes()) if (!l.contains(q)) l.add(q);
    }
    return out;
  }
}
