(* Hermite content of an activation f, by parity: He_k(-z) = (-1)^k He_k(z), so the odd part of f
   carries the odd degrees and the even part the even degrees. A part that simplifies to 0 has no
   components of its parity; a polynomial part has exactly computable components (Java expands it
   in the probabilists' Hermite basis with exact Gaussian moments); any other part is integrated
   numerically by Java. *)

OddPart[f_]  := Simplify[(f[z] - f[-z])/2];
EvenPart[f_] := Simplify[(f[z] + f[-z])/2];
PolynomialPartQ[p_] := PolynomialQ[p, z];
PolynomialCoefficients[p_] := CoefficientList[Expand[p], z];
