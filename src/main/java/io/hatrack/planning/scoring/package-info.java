/**
 * The maths of prioritisation: RICE, ICE, WSJF, the value/effort matrix, MoSCoW's 60 % rule, Kano
 * coefficients, weighted scorecards and a sensitivity helper. Pure classes without I/O; every score
 * is exact ({@link io.hatrack.planning.scoring.Rational}), carries its formula and inputs, and
 * depends only on the item's own inputs.
 */
package io.hatrack.planning.scoring;
