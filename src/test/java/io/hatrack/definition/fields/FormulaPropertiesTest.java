package io.hatrack.definition.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.fields.Formula.FormulaError;
import io.hatrack.definition.fields.Formula.Result;
import java.math.BigDecimal;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Properties of the formula language checked on random formulas. */
class FormulaPropertiesTest {

  /** An arithmetic expression as Java sees it. */
  private sealed interface Expr permits Lit, Neg, Bin {}

  private record Lit(double value) implements Expr {}

  private record Neg(Expr operand) implements Expr {}

  private record Bin(char op, Expr left, Expr right) implements Expr {}

  /** Java's own arithmetic; null where the formula's result is empty (x / 0, overflow). */
  private static Double java(Expr e) {
    if (e instanceof Lit l) {
      return l.value();
    }
    if (e instanceof Neg n) {
      Double v = java(n.operand());
      return v == null ? null : -v;
    }
    Bin b = (Bin) e;
    Double l = java(b.left());
    if (l == null) {
      return null;
    }
    Double r = java(b.right());
    if (r == null) {
      return null;
    }
    double v =
        switch (b.op()) {
          case '+' -> l + r;
          case '-' -> l - r;
          case '*' -> l * r;
          default -> {
            if (r == 0) {
              yield Double.NaN;
            }
            yield l / r;
          }
        };
    return Double.isFinite(v) ? v : null;
  }

  private static String literal(double v) {
    return BigDecimal.valueOf(v).toPlainString();
  }

  /** Every operation in parentheses: the order of evaluation is spelt out. */
  private static String full(Expr e) {
    if (e instanceof Lit l) {
      return literal(l.value());
    }
    if (e instanceof Neg n) {
      return "(-" + full(n.operand()) + ")";
    }
    Bin b = (Bin) e;
    return "(" + full(b.left()) + " " + b.op() + " " + full(b.right()) + ")";
  }

  private static int precedence(Expr e) {
    if (e instanceof Lit) {
      return 4;
    }
    if (e instanceof Neg) {
      return 3;
    }
    return ((Bin) e).op() == '+' || ((Bin) e).op() == '-' ? 1 : 2;
  }

  /** Only the parentheses that precedence and left-to-right grouping need. */
  private static String minimal(Expr e) {
    if (e instanceof Lit l) {
      return literal(l.value());
    }
    if (e instanceof Neg n) {
      String inner = minimal(n.operand());
      return "-" + (precedence(n.operand()) < 3 ? "(" + inner + ")" : inner);
    }
    Bin b = (Bin) e;
    int p = precedence(b);
    String left = minimal(b.left());
    String right = minimal(b.right());
    if (precedence(b.left()) < p) {
      left = "(" + left + ")";
    }
    if (precedence(b.right()) <= p) {
      right = "(" + right + ")";
    }
    return left + " " + b.op() + " " + right;
  }

  @Provide
  Arbitrary<Expr> arithmetic() {
    return expression(5);
  }

  private Arbitrary<Expr> expression(int depth) {
    Arbitrary<Expr> literal =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 1000).map(i -> (Expr) new Lit(i)),
            Arbitraries.integers().between(0, 1_000_000).map(i -> (Expr) new Lit(i / 100.0)),
            Arbitraries.of(0.0, 1.0, 1e15).map(v -> (Expr) new Lit(v)));
    if (depth == 0) {
      return literal;
    }
    Arbitrary<Expr> sub = Arbitraries.lazy(() -> expression(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(3, literal),
        Tuple.of(1, sub.map(e -> (Expr) new Neg(e))),
        Tuple.of(
            5,
            Combinators.combine(Arbitraries.of('+', '-', '*', '/'), sub, sub)
                .as((op, l, r) -> (Expr) new Bin(op, l, r))));
  }

  private static Double normalised(Double v) {
    return v == null ? null : (v == 0 ? 0.0 : v);
  }

  @Property(tries = 500)
  void arithmeticMatchesJava(@ForAll("arithmetic") Expr e) {
    Result r = Formula.parse(full(e)).evaluate(k -> null);

    assertThat(r.value()).as(full(e)).isEqualTo(normalised(java(e)));
    assertThat(r.reason() == null).isEqualTo(r.value() != null);
  }

  @Property(tries = 500)
  void precedenceAndLeftToRightGroupingNeedNoParentheses(@ForAll("arithmetic") Expr e) {
    Result minimal = Formula.parse(minimal(e)).evaluate(k -> null);

    assertThat(minimal.value()).as(minimal(e)).isEqualTo(normalised(java(e)));
  }

  @Property(tries = 300)
  void comparisonsMatchJava(@ForAll double a, @ForAll double b, @ForAll("comparisons") String op) {
    Result r = Formula.parse("a " + op + " b").evaluate(Map.of("a", a, "b", b)::get);
    boolean expected =
        switch (op) {
          case "=" -> a == b;
          case "!=" -> a != b;
          case "<" -> a < b;
          case "<=" -> a <= b;
          case ">" -> a > b;
          default -> a >= b;
        };

    if (Double.isFinite(a) && Double.isFinite(b)) {
      assertThat(r.value()).isEqualTo(expected ? 1.0 : 0.0);
    } else {
      assertThat(r.isEmpty()).isTrue();
    }
  }

  @Provide
  Arbitrary<String> comparisons() {
    return Arbitraries.of("=", "!=", "<", "<=", ">", ">=");
  }

  /** A logical expression over 0 and 1 as Java sees it. */
  private sealed interface Logic permits Bit, Not, And, Or {}

  private record Bit(boolean value) implements Logic {}

  private record Not(Logic operand) implements Logic {}

  private record And(Logic left, Logic right) implements Logic {}

  private record Or(Logic left, Logic right) implements Logic {}

  private static boolean java(Logic l) {
    if (l instanceof Bit b) {
      return b.value();
    }
    if (l instanceof Not n) {
      return !java(n.operand());
    }
    if (l instanceof And a) {
      return java(a.left()) && java(a.right());
    }
    Or o = (Or) l;
    return java(o.left()) || java(o.right());
  }

  private static int precedence(Logic l) {
    if (l instanceof Or) {
      return 1;
    }
    if (l instanceof And) {
      return 2;
    }
    return l instanceof Not ? 3 : 4;
  }

  /** Written with the fewest parentheses: not before and before or. */
  private static String minimal(Logic l) {
    if (l instanceof Bit b) {
      return b.value() ? "1" : "0";
    }
    if (l instanceof Not n) {
      String inner = minimal(n.operand());
      return "not " + (precedence(n.operand()) < 3 ? "(" + inner + ")" : inner);
    }
    Logic left = l instanceof And a ? a.left() : ((Or) l).left();
    Logic right = l instanceof And a ? a.right() : ((Or) l).right();
    int p = precedence(l);
    String ls = precedence(left) < p ? "(" + minimal(left) + ")" : minimal(left);
    String rs = precedence(right) <= p ? "(" + minimal(right) + ")" : minimal(right);
    return ls + (l instanceof And ? " and " : " or ") + rs;
  }

  @Provide
  Arbitrary<Logic> logic() {
    return logic(4);
  }

  private Arbitrary<Logic> logic(int depth) {
    Arbitrary<Logic> bit = Arbitraries.of(true, false).map(b -> (Logic) new Bit(b));
    if (depth == 0) {
      return bit;
    }
    Arbitrary<Logic> sub = Arbitraries.lazy(() -> logic(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(2, bit),
        Tuple.of(1, sub.map(x -> (Logic) new Not(x))),
        Tuple.of(2, Combinators.combine(sub, sub).as((a, b) -> (Logic) new And(a, b))),
        Tuple.of(2, Combinators.combine(sub, sub).as((a, b) -> (Logic) new Or(a, b))));
  }

  @Property(tries = 300)
  void notAndOrBindLikeInJava(@ForAll("logic") Logic l) {
    Result r = Formula.parse(minimal(l)).evaluate(k -> null);

    assertThat(r.value()).as(minimal(l)).isEqualTo(java(l) ? 1.0 : 0.0);
  }

  @Provide
  Arbitrary<String> formulaish() {
    return Arbitraries.strings()
        .withChars("abcxyz_019.+-*/()<>=!, ")
        .withCharRange('\u0000', '\u007f')
        .ofMaxLength(40);
  }

  @Property(tries = 1000)
  void anyTextEitherParsesAndEvaluatesOrFailsWithAColumnInsideIt(
      @ForAll("formulaish") String text) {
    try {
      Formula f = Formula.parse(text);
      Result r = f.evaluate(k -> k.length() % 2 == 0 ? null : 2.0);
      assertThat(r.value() == null).isEqualTo(r.reason() != null);
    } catch (FormulaError e) {
      assertThat(e.column()).isBetween(1, Math.max(1, text.length() + 1));
      assertThat(e.reason()).isNotBlank();
    }
  }
}
