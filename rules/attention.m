(* The softmax attention head of the core paper, a layer kind that is the whole network:
     f(X) = L^(-1/2) sum_{h=1..H} sum_{a,b=1..L} softmax_b(x_a . A_h x_b) (w_h . x_b),
   over a sample X = (x_1..x_L) of L tokens x_a ~ N(0, I_dim), with H heads, trained merged
   query-key matrices A_h (prior entries N(0, 1/dim^2), so a score is O(1)) and value vectors w_h
   (prior N(0, I/(dim H))). Written  f = attention(A w x) heads H  with  input x : gaussian(d) tokens L.
   A target term reads the query token x_a and the key token x_b of a pair, summed over the ordered
   pairs a != b and normalised: y = (L(L-1))^(-1/2) sum_{a != b} He1(u1.x_a) He1(u2.x_b) He1(u3.x_b).

   The route "score_value" (Java: derive/ScoreValueRoute): expanding the softmax in the score,
   the order-n part of the head is s_ab^n times the value, a feature of degree n in the query token
   and n + j in the key token (j a degree of the value's activation). A target term of query degree
   n and key degree n + j is reached through the score's order-n feature and the value's He_j:
   - ScoreNorm: the score x_a . A x_b is linear in the dim^2 entries of A, i.e. in x_a (x) x_b: its
     order-n feature (u.x_a)^n (v.x_b)^n is a degree-n feature of a dim^2-dimensional input, whose
     norm under A's prior is LazyNorm[n, dim^2] = dim^(2n) (claim (iii) in that space; d^2 for n = 1);
   - the value w_h . x_b is a lazy linear feature of the key token: LazyNorm[j, dim];
   - the head's kernel multiplies them (ProductNorm), and LazyDilution = L: the prefactor L^(-1/2)
     and a target normalised over the L(L-1) pairs leave an eigenvalue 1/L of the pair average.
     Lazy head: E = L d^2 d = L d^3 for the paper's target.
   - A pattern acts on the score's feature: its cost reads the score feature's norm nu = dim^(2n).
     The paper's specialisation: O(1) heads put a mean M/dim on one entry of A_h (M prior standard
     deviations, 1 <= M <= dim, so that the score stays O(1)). Its cost is mean^2 over the prior
     variance, (M/dim)^2 dim^2 = M^2, i.e. M^2 for any nu (KindPatternCost). By claim (i) a squared
     mean q = M^2/nu on one head, of H heads whose values have prior variance 1/(dim H), gives the
     score's feature the norm H/q = H nu/M^2 (KindSpikeNorm); the value's lazy norm dim and the
     dilution L multiply it: H L dim^3/M^2 for the paper's target, so E = M^2 + H L d^3/M^2.
   - Mag (a small mean spread over all heads, total squared mean beta <= H) and GFL (every head's
     A inflated by D along the feature, cost H D) keep the rules of rules/patterns.m with the heads
     as units and as weight vectors.
   H thus comes from the value prior (the units of claim (i)), d^2 from the bilinear score, L from
   the prefactor and the pair sum. *)

KindOptions["attention"] = {"heads"};
KindInputOptions["attention"] = {"tokens"};
KindWeights["attention"] = {"A (query-key matrices)", "w (values)"};
KindValueActivation["attention"] = "linear";
KindRoute["attention"] = "score_value";
KindDimension["attention", dim_, o_] := dim;
ScoreNorm["attention", n_, dim_, o_] := LazyNorm[n, dim^2];
KindUnits["attention", o_] := "heads" /. o;
LazyDilution["attention", o_] := "tokens" /. o;
SpikeDilution["attention", o_] := "tokens" /. o;

KindPatternCost["attention", "Spec", p_, units_, nu_] := p^2;
KindSpikeNorm["attention", "Spec", p_, units_, nu_] := units nu/p^2;
KindPatternConstraints["attention", "Spec", p_, units_, nu_] := {1 <= p, p^2 <= nu};
