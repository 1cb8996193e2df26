(* Kernel facts on isotropic Gaussian data (docs/science.md: claim (iii) and the standard
   kernel facts). "dim" is the input dimension, a scale.
   A norm here is the RKHS norm of a feature in a kernel: the cost, in samples, of learning it. *)

(* The input kernel x.x'/d represents the linear features only, He1(w.x), with norm ~ d. A degree
   j > 1 listed in InputDegrees (an input kernel that is itself a polynomial kernel) would have the
   lazy norm LazyNorm[j, dim]. *)
InputDegrees = {1};
InputFeatureNorm[dim_] := dim;

(* Claim (iii): through lazy (GP) layers a degree-j feature He_j(w.x) has norm ~ d^j. *)
LazyNorm[j_, dim_] := dim^j;

(* Claim (ii): a lazy layer whose activation has an He_m component maps m features of the
   kernel below to their product, with the product of their norms. Hence a feature amplified by D
   (its norm divided by D) has its m-th power amplified by D^m. *)
ProductNorm[norms_List] := Times @@ norms;

(* Products and constants: a product of c features needs an He_c component of the activation. When
   the kernel below carries the constant feature (degree 0), a higher component He_m, m > c, serves
   as well, padded with m - c constant factors (the smallest such m is used). False: only He_c. *)
PadProductsWithConstants = True;

(* Claim (iii), how a lazy (GP) layer treats what the layers below it learned. The readings a file
   can choose with the statement  lazy_layers NAME  (the first is the default):
   - "paper": a lazy layer keeps the relative spectrum of the kernel below it, so a spike made by
     specialised neurons, or a feature amplified by GFL, passes on through the lazy layer's
     activation (ProductNorm), and the lazy norms above are only the fallback. This is the core
     paper's claim (iii); its own Spec-Mag arithmetic relies on it (the He3 feature keeps the norm
     N1/M1 of K1 in K2), and it gives the pattern Spec-GP of a three-layer net the energy
     M1 d + N1/M1.
   - "strict": NOT the paper's reading. A lazy layer's kernel has the lazy norms above, whatever the
     layers below it learned; a feature learned in layer l serves only the readout or the next
     non-lazy layer. Kept so that a user can compare the two readings (flscale used it before). *)
LazyLayerReadings = {"paper", "strict"};
LazyLayersPassNorms["paper"] = True;
LazyLayersPassNorms["strict"] = False;

(* A target term of amplitude c (y = ... + c He_k(w.x) + ...): learning it gains c^2 per sample in
   the likelihood, so the bound of docs/science.md reads P c^2 ~ kappa (costs + c^2 a), with a
   the term's norm per unit amplitude: the costs of moving weights weigh ComponentCostFactor[c] in
   samples, while a kernel learns the term at its norm whatever c is. *)
ComponentCostFactor[c_] := c^-2;

(* The information floor: besides the variational P_*, a learner needs at least as many samples as
   the target has unknown parameters, since each sample gives one label. A target of r directions,
   each a unit vector in the dimension the first layer's units read (KindDimension: d for dense
   layers and the attention head, the patch for conv), has about r times that many unknowns.
   This goes beyond the core paper (whose bound is variational only): flscale reports the floor
   beside P_* and says when it binds, and never replaces P_* by it. dims lists one dimension per
   direction of the target. *)
InformationFloor[dims_List] := Plus @@ dims;
