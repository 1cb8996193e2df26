(* The spring-block chain of layer-wise feature learning (Shi, Pan, Dokmanic 2024), in dominant
   balance. `flscale springblock` reads these with ScaleExp (rules/exponents.m); every term is a
   monomial in the chain's scales: mu (Coulomb friction), eps (amplitude of the random force on a
   block per step), k (spring stiffness), blocks (the number of blocks L).

   The paper's: blocks joined by springs, a block moves only when the force on it exceeds mu;
   without noise the blocks that moved stop with force mu, so the stretched springs carry the
   constant second difference mu/k (deep springs stretched most: a concave load curve); noise of
   the order of the friction restores the linear profile.

   flscale's argument, for the two balances below:
   - ChainNoiseBalance. A stuck block feels the spring force (at most mu at rest) plus eps xi. It
     unsticks at a rate of order P(|eps xi| > mu): exponentially small while eps << mu, of order
     one once eps >~ mu. So the frictional profile survives while the friction term dominates and
     relaxes to the linear one when the noise term does; the boundary is their balance, eps ~ mu.
     (The prefactor grows like the square root of the log of the run length; dominant balance does
     not see it, the simulation measures it.)
   - ChainCurvature. From the closed-form profile, c = d_first - d_last: while the whole chain moves
     (mu/k below about 2/L^2) every spring differs from the next by mu/k, so c ~ (mu/k) L; when only
     the last n springs move, n (n+1) mu/k ~ 2 gives n ~ (k/mu)^(1/2) and the last spring carries
     ~ n mu/k, so c ~ (mu/k)^(1/2). The curvature is the smaller of the two; their balance,
     mu ~ k/L^2, is the friction below which the chain stays linear even without noise. *)

ChainNoiseBalance[mu_, eps_, k_, blocks_] := {mu, eps};

ChainCurvature[mu_, k_, blocks_] := Min[mu blocks / k, (mu / k)^(1/2)];
