(* Activations, each a pure function of the pre-activation z.
   flscale computes each one's Hermite content (which He_k(z) components are present) from the
   formula itself: parity and polynomial parts symbolically, the rest by Gauss-Legendre quadrature
   against the Gaussian measure. To add an activation, add one line, e.g.
     Activation["softplus"] = Function[z, Log[1 + Exp[z]]];
   and use it in a .arch file as  h1 = softplus(W1 x) width N. *)

Activation["erf"]       = Function[z, Erf[z]];
Activation["tanh"]      = Function[z, Tanh[z]];
Activation["relu"]      = Function[z, (z + Abs[z])/2];   (* max(0, z), written so that Symja can split its parity *)
Activation["linear"]    = Function[z, z];
Activation["quadratic"] = Function[z, z^2];
