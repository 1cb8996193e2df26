(* Patterns of feature learning a hidden layer can take (docs/science.md).
   The order of Patterns is the tie-breaking order: when two pattern assignments give the same
   exponent, the one with fewer non-lazy layers wins, then the one earlier in this order, layer by layer.

   For a layer of width "width" taking a pattern with variational parameter "p", acting on a
   feature whose norm in the kernel feeding the layer is "nuIn" (for a dense layer "width" is its
   width; for other kinds PatternCost receives the weight vectors the pattern moves and the other
   rules the units it acts on, rules/layers.m):
     PatternCost         the cost Delta_l added to the energy,
     FeedNorm            the feature's norm as the layer's own kernel map sees it,
     SpikeNorm           the norm, in the layer's output kernel, of every Hermite component of
                         act(feature) (Infinity: the pattern creates no spike),
     PatternConstraints  validity of the parameter, as inequalities between monomials.
   The layer's output norm of each component is the smaller of the spike and the lazy route
   (a weak spike does not help). *)

Patterns = {"GP", "Spec", "Mag", "GFL"};

(* The Hermite degrees of its input's features a pattern may act on, for a target of degree k:
   every degree from 1 to k (a feature of higher degree cannot lower the target's norm, and the
   constant feature is not learned). *)
FeatureDegrees[k_] := Range[k];

PatternParameter["GP"]   = None;
PatternParameter["Spec"] = "M";      (* number of specialised neurons *)
PatternParameter["Mag"]  = "beta";   (* total squared mean spread over the layer *)
PatternParameter["GFL"]  = "D";      (* covariance inflation along the feature *)

(* GP: lazy, the prior kernel, no cost. *)
PatternCost["GP", p_, width_, nuIn_] := 0;

(* Spec and Mag: (M or beta) times the feature's norm in the kernel feeding the layer
   (reconstructed cost, reproduces every published entry). *)
PatternCost["Spec", p_, width_, nuIn_] := p nuIn;
PatternCost["Mag",  p_, width_, nuIn_] := p nuIn;

(* GFL: working hypothesis, not published. The KL cost of inflating one direction by D in each
   of the width neurons is width (D - 1 - Log[D])/2, ~ width D for large D. Replace freely. *)
PatternCost["GFL", p_, width_, nuIn_] := width p;

FeedNorm["GFL", p_, nuIn_] := nuIn/p;     (* the feature is amplified by D before the activation *)
FeedNorm[_, p_, nuIn_] := nuIn;

(* Claim (i): M specialists (total squared mean beta) give the induced feature norm width/M (width/beta). *)
SpikeNorm["Spec", p_, width_] := width/p;
SpikeNorm["Mag",  p_, width_] := width/p;
SpikeNorm[_, p_, width_] := Infinity;

PatternConstraints["GP",   p_, width_] := {};
PatternConstraints["Spec", p_, width_] := {1 <= p, p <= width};   (* M counts neurons *)
PatternConstraints["Mag",  p_, width_] := {p <= width};           (* beta may be small *)
PatternConstraints["GFL",  p_, width_] := {1 <= p};               (* an inflation, not a shrinking *)

(* A layer kind may give a pattern rules of its own (rules/attention.m); otherwise the pattern's
   rules above apply. "nu" is the norm of the feature the pattern acts on. *)
KindPatternCost[kind_, pat_, p_, width_, nu_] := PatternCost[pat, p, width, nu];
KindSpikeNorm[kind_, pat_, p_, width_, nu_] := SpikeNorm[pat, p, width];
KindPatternConstraints[kind_, pat_, p_, width_, nu_] := PatternConstraints[pat, p, width];
