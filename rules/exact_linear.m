(* The exact solution of a one-hidden-layer linear model (Xu & Ziyin 2024), in dominant balance.
   `flscale dynamics` reads these heads with ScaleExp (rules/exponents.m).

   The model: f(x) = kappa Sum_i u_i w_i x on one-dimensional data with <x^2> = 1 and target
   y = beta x; gradient flow on L = (1/2) <(f - y)^2> with rates eta_u (readout u) and eta_w
   (input weights w). Write v = kappa Sum_i u_i w_i (the learned slope).
   flscale's derivation (docs/exact-linear.md gives it in full):
   - u_i' = -eta_u kappa w_i (v - beta), w_i' = -eta_w kappa u_i (v - beta), so
     d/dt (eta_w u_i^2 - eta_u w_i^2) = 0: one conserved quantity C_i per neuron.
   - The NTK at x = x' = 1 is K = kappa^2 Sum_i (eta_u w_i^2 + eta_w u_i^2); then v' = -K (v - beta)
     and K' = -4 eta_u eta_w kappa^2 v (v - beta), hence dK^2/dv = 8 eta_u eta_w kappa^2 v and
     K(t)^2 = K0^2 + 4 eta_u eta_w kappa^2 (v(t)^2 - v0^2): the closed one-dimensional equation
     v' = -(v - beta) Sqrt[c0 + 4 eta_u eta_w kappa^2 v^2], c0 = K0^2 - 4 eta_u eta_w kappa^2 v0^2 >= 0
     (Cauchy-Schwarz, neuron by neuron).
   - At the end v = beta, so K_end^2 / K0^2 = 1 + (beta^2 - v0^2) / (K0 / (2 Sqrt[eta_u eta_w] kappa))^2.
     The relative change of the NTK is set by R = K0 / (2 Sqrt[eta_u eta_w] kappa Max[|beta|, |v0|]):
     R >> 1 kernel (change ~ R^-2), R << 1 feature learning (K grows by ~ 1/R), R ~ 1 critical.
   - At initialisation (u_i ~ N(0, su2), w_i ~ N(0, sw2), width independent neurons):
     K0 ~ kappa^2 width (eta_u sw2 + eta_w su2) and |v0| ~ kappa (width su2 sw2)^(1/2). In units of
     Sqrt[eta_u eta_w] only the ratio eta_u/eta_w = ratio is left. The arguments below are those
     scalings: su2, sw2 the variances, kappa the output scale, ratio = eta_u/eta_w, width, target |beta|. *)

(* K0 / Sqrt[eta_u eta_w]: the input layer's share, then the readout's *)
ExactLinearLayerShares[su2_, sw2_, ratio_, width_] := {width sw2 ratio^(1/2), width su2 ratio^(-1/2)};
ExactLinearNtk[su2_, sw2_, kappa_, ratio_, width_] := kappa^2 Apply[Plus, ExactLinearLayerShares[su2, sw2, ratio, width]];

(* the size of the initial output v0 (a sum of width random products) *)
ExactLinearOutput[su2_, sw2_, kappa_, width_] := kappa (width su2 sw2)^(1/2);

(* what the flow must move: K changes through 4 eta_u eta_w kappa^2 (beta^2 - v0^2) *)
ExactLinearDrive[su2_, sw2_, kappa_, width_, target_] := 2 kappa (target + ExactLinearOutput[su2, sw2, kappa, width]);

ExactLinearRatio[su2_, sw2_, kappa_, ratio_, width_, target_] :=
  ExactLinearNtk[su2, sw2, kappa, ratio, width] / ExactLinearDrive[su2, sw2, kappa, width, target];

(* |K_end - K0| / K0: Sqrt[1 + x] - 1 is ~ x for small x and ~ x^(1/2) for large x, x = R^-2 *)
ExactLinearKernelChange[su2_, sw2_, kappa_, ratio_, width_, target_] :=
  Min[ExactLinearRatio[su2, sw2, kappa, ratio, width, target]^(-2), ExactLinearRatio[su2, sw2, kappa, ratio, width, target]^(-1)];

(* Comparisons of monomials, as exponents: ExpAbove[a, b] is a >> b, ExpSame[a, b] is a ~ b. *)
ExpAbove[a_, b_] := DynPositive[ScaleExp[a] - ScaleExp[b]];
ExpSame[a_, b_] := DynZero[ScaleExp[a] - ScaleExp[b]];

(* The phases, by the size of R. *)
ExactLinearRegimes[su2_, sw2_, kappa_, ratio_, width_, target_] := With[{r = ExactLinearRatio[su2, sw2, kappa, ratio, width, target]},
  {"kernel" -> ExpAbove[r, 1], "feature_learning" -> ExpAbove[1, r], "critical" -> ExpSame[r, 1]}];

(* The mechanisms, flscale's reading of the paper's three names by what the exact solution does.
   Each neuron's pair (u_i/Sqrt[eta_u], w_i/Sqrt[eta_w]) moves by one common 2x2 flow whose growing
   mode is z_i = u_i/Sqrt[eta_u] + Sign[beta] w_i/Sqrt[eta_w]; the shrinking mode decays.
   - alignment: K grows by O(1) or more (R <~ 1) with balanced layer shares: both u and w turn
     onto the common direction z (their cosine goes from ~ width^(-1/2) to ~ 1).
   - rescaling: K grows (R <~ 1) with one layer's share dominant: that layer dominates z, keeps
     its direction and only grows in norm; the other layer turns onto it.
   - disalignment: the initial output dominates the drive (|v0| >> |beta|): K must fall, u and w
     turn apart. Its relative change is (2 kappa v0)^2/K0^2 ~ R^-2, which at random initialisation
     is at most ~ 1/width (Cauchy-Schwarz): under these scalings it never reaches O(1). *)
ExactLinearMechanisms[su2_, sw2_, kappa_, ratio_, width_, target_] :=
  With[{r = ExactLinearRatio[su2, sw2, kappa, ratio, width, target], s = ExactLinearLayerShares[su2, sw2, ratio, width],
        v0 = ExactLinearOutput[su2, sw2, kappa, width]},
    {"alignment" -> And[Not[ExpAbove[r, 1]], ExpSame[s[[1]], s[[2]]]],
     "rescaling" -> And[Not[ExpAbove[r, 1]], Not[ExpSame[s[[1]], s[[2]]]]],
     "disalignment" -> ExpAbove[v0, target]}];
