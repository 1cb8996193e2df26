/*
 * The .arch language (see docs/arch-language.md).
 * The grammar is deliberately permissive about names (activations, patterns, parametrizations,
 * input distributions are plain identifiers): what they mean is checked afterwards against the
 * rule files, so a user who adds an activation in rules/ does not have to touch the grammar.
 */
grammar Arch;

@header { package org.flscale.parse.gen; }

file        : statement* EOF ;

statement   : modelStmt
            | scaleStmt
            | inputStmt
            | targetStmt
            | networkStmt
            | paramStmt
            | ridgeStmt
            | patternsStmt
            | lazyStmt
            | dynamicsStmt
            ;

modelStmt    : MODEL name=ID ;
scaleStmt    : SCALE name=ID ( '=' tiedTo=ID ( '^' exponent )? )? ;
// An input of one vector, or of tokens: 'input x : gaussian(d) tokens L' (a sample is L vectors).
inputStmt    : INPUT name=ID ':' dist=ID '(' dim=ID ')' ( key=ID value=ID )? ;
targetStmt   : TARGET name=ID '=' targetExpr ;
networkStmt  : NETWORK '{' layerStmt* '}' ;
// 'parametrization standard | mean_field', or a readout scaling between them: 'parametrization
// chi = N^(1/2)' (readout prior variance g_a/(chi N); chi = 1 is standard, chi = N mean field).
paramStmt    : PARAMETRIZATION kind=ID ( '=' ( base=ID ( '^' exponent )? | num=number ) )? ;
ridgeStmt    : RIDGE name=ID '=' number ;
patternsStmt : PATTERNS ID ( ',' ID )* ;
lazyStmt     : LAZY_LAYERS reading=ID ;   // how lazy layers treat features learned below (rules/kernels.m)

// Training dynamics of a solvable model (docs/exact-linear.md, docs/unbalanced-init.md), read by
// 'flscale dynamics': 'dynamics exact_linear { width = N  init u ~ N^(-1)  lr_ratio = N^(1/2) }'.
// Each entry is KEY [WEIGHT] (= | ~) VALUE; a value is a number or a signed power of a declared
// scale. Which keys a kind takes is checked afterwards (org.flscale.parse.DynamicsFileParser).
dynamicsStmt : DYNAMICS kind=ID '{' dynEntry* '}' ;
dynEntry     : key=ID weight=ID? op=( '=' | '~' ) dynValue ;
dynValue     : sign='-'? ( scale=ID ( '^' exponent )? | num=number ) ;

// A sum of terms; a term is an optional coefficient (a scale such as eps, or a number) times a
// product of Hermite factors He<k>(w . x) of distinct directions: He1(w.x) + eps He3(w.x),
// He2(w1.x) He1(w2.x). Over tokens a factor names the token it reads: He1(u1 . x_a) reads the query
// token x_a and He1(u2 . x_b) the key token x_b of a pair (the target is summed over pairs a != b).
targetExpr   : targetTerm ( sign+=('+' | '-') targetTerm )* ;
targetTerm   : ( coef=ID | num=number )? hermite+ ;
hermite      : fn=ID '(' dir=ID '.' arg=ID ')' ;

// NAME = [KIND] ACT(WEIGHTS... PREV) OPTION SCALE ...; the kind (dense when left out), the number
// of weights and the options each kind takes ("width N", "patch p", "tokens L") come from the
// rules (rules/layers.m), so a new layer kind needs no change here. A kind that is the whole
// network (the attention head) is written 'f = attention(A w x) heads H', with no readout.
layerStmt    : name=ID '=' kind=ID? act=ID '(' args+=ID+ ')' option*   # hiddenLayer
             | name=ID '=' weight=ID '.' prev=ID                      # readout
             ;
option       : key=ID value=ID ;

// A rational exponent: 2, 1.5, -1/2, (3/2), (-1/2). Fractions are built by the parser, never lexed
// as one token, so that d^-1/2 means d^(-1/2).
exponent     : '(' signedRatio ')'
             | signedRatio
             ;
signedRatio  : sign='-'? num=number ( '/' den=number )? ;
number       : NUMBER ;

MODEL           : 'model' ;
SCALE           : 'scale' ;
INPUT           : 'input' ;
TARGET          : 'target' ;
NETWORK         : 'network' ;
PARAMETRIZATION : 'parametrization' ;
RIDGE           : 'ridge' ;
PATTERNS        : 'patterns' ;
LAZY_LAYERS     : 'lazy_layers' ;
DYNAMICS        : 'dynamics' ;

ID          : [a-zA-Z_] [a-zA-Z_0-9]* ;
NUMBER      : [0-9]+ ( '.' [0-9]+ )? ( [eE] [+-]? [0-9]+ )? ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\r\n]+ -> skip ;
ANY         : . ;
