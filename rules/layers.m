(* Layer kinds. A hidden layer is written  NAME = [KIND] ACT(WEIGHTS... PREV) OPTION SCALE ...
   (the kind is "dense" when left out); a kind that is the whole network is written
   f = KIND(WEIGHTS... x) OPTION SCALE ... (KindValueActivation below). Everything flscale knows
   about a kind is here, so a new kind is added by adding its lines below (docs/extending.md); the
   grammar and Java stay as they are.

   Every rule of a kind receives the scales of its options by name, as a list of rules
   {"width" -> N, ...} ("o" below; read one with "width" /. o). "dim" is the input dimension.

     KindOptions     the options the layer must be given, each naming a scale;
     KindInputOptions  options the kind takes from the input statement ("tokens" of
                     'input x : gaussian(d) tokens L');
     KindWeights     what the weight names before the input stand for (their number is checked);
     KindOnlyLayer   True when the kind's rules cover it only as the network's one hidden layer;
     KindValueActivation  for a kind that is the whole network, the activation of its values;
     KindChecks      identities between the option scales, as equalities of monomials;
     KindDimension   the dimension of the vectors the layer's units read (the d of claim (iii));
     KindUnits       the units a pattern acts on: Spec's M counts them and Mag's beta is bounded
                     by them (the "width" of SpikeNorm and PatternConstraints in rules/patterns.m);
     KindWeightVectors  the weight vectors a pattern moves, which its cost counts (the "width"
                     of PatternCost: GFL inflates each of them);
     LazyDilution    factor on the norms of the layer's lazy kernel;
     SpikeDilution   factor on the norms a pattern's spike creates (SpikeNorm);
     KindRoute       how the layer's kernel is built from the one below: "activation" (a pattern
                     acts on a feature of the kernel below and the activation carries it on) or
                     "score_value" (a score bilinear in two tokens times a value: rules/attention.m);
     KindPatternCost, KindSpikeNorm, KindPatternConstraints  (rules/patterns.m) may give a
                     pattern a kind of its own. *)

(* dense: h = act(W x), the engine's reference kind. *)
KindOptions["dense"] = {"width"};
KindWeights["dense"] = {"weights"};
KindDimension["dense", dim_, o_] := dim;
KindUnits["dense", o_] := "width" /. o;
LazyDilution["dense", o_] := 1;
SpikeDilution["dense", o_] := 1;

(* conv: a two-layer CNN on non-overlapping patches. The input x in R^dim is cut into "patches"
   patches of "patch" coordinates; "width" filters w_c in R^patch are shared by all patches and the
   readout has a weight per filter and patch: f = sum_{c,i} a_{c,i} act(w_c . x_i).
   The target He_k(w . x) is read patch-wise, y = sum_i He_k(w . x_i)/sqrt(patches) with w in R^patch.
   - The filters see patch-sized vectors: feature norms are those of claim (iii) in dimension patch.
   - The lazy kernel is the mean of the patch kernels: a patch-wise target has each of its
     "patches" components at eigenvalue 1/patches of the patch kernel's, so norms gain that factor.
   - M specialised filters serve every patch, but the readout must still pick up each patch's copy
     of the feature: claim (i) with "width" units gives width/M per copy, times patches copies. *)
KindOptions["conv"] = {"width", "patch", "patches"};
KindWeights["conv"] = {"filters"};
KindOnlyLayer["conv"] = True;
KindChecks["conv", dim_, o_] := {("patch" /. o) ("patches" /. o) == dim};
KindDimension["conv", dim_, o_] := "patch" /. o;
KindUnits["conv", o_] := "width" /. o;
KindWeightVectors["conv", o_] := "width" /. o;   (* filters are shared by the patches *)
LazyDilution["conv", o_] := "patches" /. o;
SpikeDilution["conv", o_] := "patches" /. o;

(* Defaults for the kinds above and any kind added later. *)
KindWeightVectors[kind_, o_] := KindUnits[kind, o];   (* one weight vector per unit *)
KindOnlyLayer[_] := False;
KindChecks[_, dim_, o_] := {};
KindRoute[_] := "activation";
