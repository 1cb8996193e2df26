/*
 * The .arch language (see docs/arch-language.md and ARCH-SPEC.md).
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
            ;

modelStmt    : MODEL name=ID ;
scaleStmt    : SCALE name=ID ( '=' tiedTo=ID ( '^' exponent )? )? ;
inputStmt    : INPUT name=ID ':' dist=ID '(' dim=ID ')' ;
targetStmt   : TARGET name=ID '=' targetExpr ;
networkStmt  : NETWORK '{' layerStmt* '}' ;
paramStmt    : PARAMETRIZATION kind=ID ;
ridgeStmt    : RIDGE name=ID '=' number ;
patternsStmt : PATTERNS ID ( ',' ID )* ;

// He<k>(w . x); richer targets are future work and get a clear error.
targetExpr   : fn=ID '(' dir=ID '.' arg=ID ')' ;

layerStmt    : name=ID '=' act=ID '(' weight=ID prev=ID ')' WIDTH width=ID   # hiddenLayer
             | name=ID '=' weight=ID '.' prev=ID                           # readout
             ;

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
WIDTH           : 'width' ;

ID          : [a-zA-Z_] [a-zA-Z_0-9]* ;
NUMBER      : [0-9]+ ( '.' [0-9]+ )? ( [eE] [+-]? [0-9]+ )? ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\r\n]+ -> skip ;
ANY         : . ;
