(* Unbalanced initialisation (Kunin et al. 2024, "Get rich quick"), in dominant balance.
   `flscale dynamics` reads these heads with ScaleExp (rules/exponents.m).

   One neuron f(x) = a w . x on whitened data (<x x^T> = I), target beta_star (|beta_star| = beta), gradient
   flow with rates eta_a, eta_w (here eta_a = eta_w = 1). delta = eta_w a^2 - eta_a |w|^2 is conserved
   (both d/dt a^2 and d/dt |w|^2 equal -2 a w.(a w - beta_star)). With mu = a |w|, S = Sqrt[delta^2 + 4 mu^2]:
     eta_w a^2 = (S + delta)/2,  eta_a |w|^2 = (S - delta)/2   (their difference is delta, product mu^2)
   and the NTK on the input space is M = eta_w a^2 I + eta_a w w^T: an isotropic part and a rank-one
   part along w. The equations of the issue,
     mu' = S (phi beta - mu),  phi' = mu beta (1 - phi^2) / (eta_a |w|^2),
   give a magnitude rate S and an alignment rate mu beta / (eta_a |w|^2).
   flscale's argument for the heads below (docs/unbalanced-init.md):
   - the kernel's two parts are written without cancellation for each sign of delta (D = |delta|);
   - lazy: the isotropic part dominates the rank-one part at the start (mu = mu0) and at the end
     (mu = beta): then M ~ delta I throughout and the kernel distance is ~ (rank-one/isotropic)^2;
   - the time to align is 1/(alignment rate) at the end's magnitude; the magnitude settles in 1/S;
     learning takes the longer of the two. A rich run whose alignment time is >> 1/beta is delayed. *)

UnbalancedIsotropic["positive", d_, mu_] := (Sqrt[d^2 + 4 mu^2] + d)/2;
UnbalancedIsotropic["negative", d_, mu_] := 2 mu^2/(Sqrt[d^2 + 4 mu^2] + d);
UnbalancedIsotropic["zero", d_, mu_] := mu;
UnbalancedRankOne["positive", d_, mu_] := 2 mu^2/(Sqrt[d^2 + 4 mu^2] + d);
UnbalancedRankOne["negative", d_, mu_] := (Sqrt[d^2 + 4 mu^2] + d)/2;
UnbalancedRankOne["zero", d_, mu_] := mu;

UnbalancedMagnitudeTime[s_, d_, mu_] := (UnbalancedIsotropic[s, d, mu] + UnbalancedRankOne[s, d, mu])^(-1);
UnbalancedAlignTime[s_, d_, mu_, beta_] := UnbalancedRankOne[s, d, mu] / (mu beta);
UnbalancedLearnTime[s_, d_, mu0_, beta_] := UnbalancedMagnitudeTime[s, d, beta] + UnbalancedAlignTime[s, d, beta, beta];

(* S(0, end) = 1 - cos(M_0, M_end): second order in rank-one/isotropic when that is small, O(1) otherwise *)
UnbalancedKernelDistance[s_, d_, mu0_, beta_] := Min[(UnbalancedRankOne[s, d, beta]/UnbalancedIsotropic[s, d, beta])^2, 1];

UnbalancedRegimes[s_, d_, mu0_, beta_] := With[{lazy = And[ExpAbove[UnbalancedIsotropic[s, d, mu0], UnbalancedRankOne[s, d, mu0]],
      ExpAbove[UnbalancedIsotropic[s, d, beta], UnbalancedRankOne[s, d, beta]]],
    delayed = ExpAbove[UnbalancedAlignTime[s, d, beta, beta] beta, 1]},
  {"lazy" -> lazy, "rich_delayed" -> And[Not[lazy], delayed], "rich" -> And[Not[lazy], Not[delayed]]}];
