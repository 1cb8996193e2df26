(* Dominant balance: the exponent of a monomial in the scales. Every term of an energy is a
   monomial, so its exponent is a linear form in the exponents of the symbols (LogOf[x]); a sum of
   positive terms is as large as its largest term (MaxExp), a minimum is a minimum (MinExp), and a
   positive constant is O(1). Java solves the resulting min-max problem exactly over rationals. *)

ScaleExp[x_Symbol] := LogOf[x];
ScaleExp[Power[x_, e_]] := e ScaleExp[x];
ScaleExp[Times[x_, y__]] := ScaleExp[x] + ScaleExp[Times[y]];
ScaleExp[c_?NumberQ] := 0 /; c > 0;
ScaleExp[Plus[x_, y__]] := MaxExp[ScaleExp[x], ScaleExp[Plus[y]]];
ScaleExp[Min[x_, y__]] := MinExp[ScaleExp[x], ScaleExp[Min[y]]];
ScaleExp[Max[x_, y__]] := MaxExp[ScaleExp[x], ScaleExp[Max[y]]];
ScaleExp[Infinity] := Infinity;

(* A validity constraint a <= b between monomials, as the exponent of b/a, which must be >= 0. *)
ConstraintExp[LessEqual[a_, b_]] := ScaleExp[b/a];
ConstraintExp[GreaterEqual[a_, b_]] := ScaleExp[a/b];

(* An identity a == b between monomials (a layer kind's KindChecks), as the exponent of a/b,
   which must be 0. *)
EqualityExp[Equal[a_, b_]] := ScaleExp[a/b];
