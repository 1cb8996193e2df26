(* Layer kinds. A hidden layer is written  NAME = [KIND] ACT(WEIGHTS... PREV) OPTION SCALE ...
   (the kind is "dense" when left out). Everything flscale knows about a kind is here, so a new
   kind is added by adding its lines below (docs/extending.md); the grammar and Java stay as they are.

   Every rule of a kind receives the scales of its options as a list, in the order of KindOptions.
   "dim" is the input dimension (the base of the input statement).

     KindOptions     the options the layer must be given, each naming a scale;
     KindWeights     what the weight names before the input stand for (their number is checked);
     KindOnlyLayer   True when the kind's rules cover it only as the network's one hidden layer;
     KindChecks      identities between the option scales, as equalities of monomials;
     KindDimension   the dimension of the vectors the layer's units read (the d of claim (iii));
     KindUnits       the units a pattern acts on: Spec's M counts them and Mag's beta is bounded
                     by them (the "width" of SpikeNorm and PatternConstraints in rules/patterns.m);
     KindWeightVectors  the weight vectors a pattern moves, which its cost counts (the "width"
                     of PatternCost: GFL inflates each of them);
     LazyDilution    factor on the norms of the layer's lazy kernel;
     SpikeDilution   factor on the norms a pattern's spike creates (SpikeNorm);
     ScoreProduct    True when the layer multiplies a linear score of its input by a lazy value:
                     its kernel is the value's kernel times (1 + the input kernel), and a pattern
                     acts on the score, so a spike reaches He_a He_j (a the score's feature, j a
                     degree of the value) with the value's lazy norm of He_j as a factor. *)

LayerKinds = {"dense", "conv", "attention"};

(* dense: h = act(W x), the engine's reference kind (DOMAIN.md section 2). *)
KindOptions["dense"] = {"width"};
KindWeights["dense"] = {"weights"};
KindDimension["dense", dim_, {width_}] := dim;
KindUnits["dense", {width_}] := width;
KindWeightVectors["dense", {width_}] := width;
LazyDilution["dense", {width_}] := 1;
SpikeDilution["dense", {width_}] := 1;

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
KindChecks["conv", dim_, {width_, patch_, patches_}] := {patch patches == dim};
KindDimension["conv", dim_, {width_, patch_, patches_}] := patch;
KindUnits["conv", {width_, patch_, patches_}] := width;
KindWeightVectors["conv", {width_, patch_, patches_}] := width;   (* filters are shared by the patches *)
LazyDilution["conv", {width_, patch_, patches_}] := patches;
SpikeDilution["conv", {width_, patch_, patches_}] := patches;

(* attention: one softmax head over a sequence of "tokens" tokens x_l in R^dim, with a trained
   query q in R^dim (scores s_l = q . x_l, prior q ~ N(0, I/dim), so scores are O(1)) and a value of
   "width" units v(x_l) = act(V x_l); f = a . sum_l softmax(s)_l v(x_l).
   The target He_k(w . x) is read token-wise, y = sum_l He_k(w . x_l)/sqrt(tokens).
   Working hypothesis (docs/layer-kinds.md), to be replaced when a better one is known:
   - Lazy head: the softmax weights are ~1/tokens, so the head averages its tokens and every norm
     gains the factor tokens; with the random score the kernel is value kernel x (1 + x.x'/dim).
   - A non-lazy head aligns its query with w: the softmax then singles out, of the "tokens"
     tokens, the M whose score is largest. Cost M times the norm of the score's feature w.x (d, as
     for M specialised units); claim (i) with the tokens as units gives tokens/M, times the lazy
     norm of the value's He_j that the score multiplies (t He_j = He_(j+1) + j He_(j-1)).
   - The query is one vector shared by all tokens: a pattern that inflates weight vectors (GFL)
     inflates that one vector, so its cost counts one weight vector, not one per token. *)
KindOptions["attention"] = {"width", "tokens"};
KindWeights["attention"] = {"query", "values"};
KindOnlyLayer["attention"] = True;
KindDimension["attention", dim_, {width_, tokens_}] := dim;
KindUnits["attention", {width_, tokens_}] := tokens;
KindWeightVectors["attention", {width_, tokens_}] := 1;
LazyDilution["attention", {width_, tokens_}] := tokens;
SpikeDilution["attention", {width_, tokens_}] := 1;
ScoreProduct["attention"] = True;

(* Defaults for the kinds above and any kind added later. *)
KindWeightVectors[kind_, opts_] := KindUnits[kind, opts];   (* one weight vector per unit *)
KindOnlyLayer[_] := False;
KindChecks[_, dim_, opts_] := {};
ScoreProduct[_] := False;
