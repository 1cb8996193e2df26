(* The multi-scale adaptive theory of a one-hidden-layer linear Bayesian network (Rubin et al. 2025,
   "From kernels to features"), in dominant balance. `flscale adaptive` reads these heads with
   ScaleExp (rules/exponents.m) and balances their terms exactly over rationals (org.flscale.adaptive).
   Symbols: n (width N), p (samples P), d (input dimension), chi (readout scaling), q (the kernel
   scale Q), delta (its shift Q - 1).

   The network: f(x) = sum_i a_i w_i.x, w_i ~ N(0, g_w I/d), a_i ~ N(0, g_a/(chi N)); the likelihood
   exp(-|y - f(X)|^2/(2 kappa)). The reduction (flscale's check of the paper's): given a, v = W'a is
   Gaussian, N(0, (g_w |a|^2/d) I), so f(X) ~ N(0, Q K) with Q = chi |a|^2/g_a and
   K = (g_a g_w/(chi d)) X X'. Under the prior N Q is chi-square with N degrees of freedom, so
     -ln p(Q | data) = (N/2) Q - (N/2 - 1) ln Q + (1/2) y'A^-1 y + (1/2) ln det A,  A = Q K + kappa I.
   (The paper's (N/2)(Q - ln Q) is the density of ln Q; in Q itself the Jacobian leaves N/2 - 1.)
   Its stationary point in ln Q is the saddle
     N (1 - 1/Q) = y'A^-1 K A^-1 y - Tr(A^-1 K).
   Small ridge (kappa << Q r, r the eigenvalues of K) and P <= d: y'A^-1 K A^-1 y = chi r_1/Q^2 with
   r_1 = y'(chi K)^-1 y of order P (a linear teacher of unit norm has y'(X X')^-1 y ~ P/d), and
   Tr(A^-1 K) = P/Q (K has rank P). Times Q: N (Q - 1) = chi r_1/Q - P. *)

(* The saddle linearised at Q = 1 + delta (delta <~ 1): the prior's restoring term N delta, the
   data's pull chi r_1 (the fit term), the fluctuation pull P (the log-determinant). *)
KernelShiftTerms[n_, p_, chi_, delta_] := {n delta, chi p, p};

(* The saddle times Q when Q >> 1: the prior N Q against the same two pulls at that Q. *)
KernelLargeTerms[n_, p_, chi_, q_] := {n q, chi p / q, p};

(* The hidden weights given a: W = a^ u' + W_perp (a^ = a/|a|), and only u = W'a^ meets the data;
   its posterior mean is v/|a| with v = W'a the learned readout vector. Along the teacher w_t:
   w_t'E[W'W]w_t = (v.w_t)^2/|a|^2 + (N - 1) g_w/d + (the posterior variance of u.w_t), and the prior's
   value is N g_w/d. The spike is the excess over the prior, relative to it. *)
ReadoutNormSq[n_, chi_, q_] := q / chi;       (* |a|^2 = Q g_a/chi *)
TeacherOverlap[p_, d_] := p / d;              (* v.w_t = |proj of w_t on the rows of X|^2 ~ P/d, P <= d *)
HiddenPriorAlong[n_, d_] := n / d;            (* w_t'E_prior[W'W]w_t = N g_w/d *)
TeacherSpike[n_, p_, d_, chi_, q_] := TeacherOverlap[p, d]^2 / (ReadoutNormSq[n, chi, q] HiddenPriorAlong[n, d]);

(* Where the terms above hold: P <= d (K of full rank P) and a small ridge, kappa below the kernel's
   eigenvalues Q r ~ Q/chi (for P <= d, X X' ~ d). *)
AdaptiveRegime[n_, p_, d_, chi_, q_, kappa_] := {p <= d, kappa <= q / chi};
