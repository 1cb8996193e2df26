(* Parametrizations: the readout prior variance is g_a/(chi N), chi = 1 (standard) or N
   (mean field), so the network output's prior kernel is K_L/chi and the target's RKHS norm in it,
   a_y, is chi times its norm in the last hidden layer's kernel K_L. "width" is N_L. *)

ReadoutFactor["standard", width_]   := 1;
ReadoutFactor["mean_field", width_] := width;

InputDistributions = {"gaussian"};   (* isotropic Gaussian inputs *)
