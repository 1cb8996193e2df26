(* Parametrizations: the readout prior variance is g_a/(chi N), chi = 1 (standard) or N
   (mean field), so the network output's prior kernel is K_L/chi and the target's RKHS norm in it,
   a_y, is chi times its norm in the last hidden layer's kernel K_L. "width" is N_L. *)

ReadoutFactor["standard", width_]   := 1;
ReadoutFactor["mean_field", width_] := width;

(* Any scaling between the two, written 'parametrization chi = N^(1/2)' in a file: the readout's
   prior variance is g_a/(chi N), so the factor on a_y is chi itself (flscale passes the file's chi
   as the third argument). chi = 1 is standard and chi = N mean field. rules/adaptive.m derives
   what chi does to a linear network (the multi-scale adaptive theory). *)
ReadoutFactor["chi", width_, chi_] := chi;

InputDistributions = {"gaussian"};   (* isotropic Gaussian inputs *)
