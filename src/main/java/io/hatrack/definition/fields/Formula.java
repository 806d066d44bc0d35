package io.hatrack.definition.fields;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A formula of a custom field, in a small language that can only compute numbers: it reads other
 * fields by key, does arithmetic and comparisons, and calls a handful of functions. There is
 * nothing in it that could run code, touch a file or loop, so any formula a person types is safe to
 * evaluate.
 *
 * <p>The language, from the loosest binding to the tightest:
 *
 * <ul>
 *   <li>{@code a or b}, {@code a and b}, {@code not a} (zero is false, anything else true; they
 *       give 1 or 0 and stop as soon as the answer is known)
 *   <li>{@code = != < <= > >=} (give 1 or 0; one comparison per level, {@code a < b < c} is
 *       refused)
 *   <li>{@code + -}, then {@code * /}, then unary minus
 *   <li>numbers ({@code 3}, {@code 2.5}, {@code .5}), field keys ({@code customer_value}), the
 *       built-in {@code estimate}, parentheses, and the functions {@code if(cond, then, else)},
 *       {@code min(a, ...)}, {@code max(a, ...)}, {@code round(x)}, {@code round(x, digits)} and
 *       {@code abs(x)}
 * </ul>
 *
 * <p>An input without a value makes the result empty, as does a division by zero; the result then
 * carries the reason. {@code if} evaluates only the branch it picks, so {@code if(estimate > 0,
 * value / estimate, 0)} is never empty for want of an estimate of zero. {@code round} rounds halves
 * away from zero on the number as written in decimal, as a spreadsheet does: {@code round(2.675,
 * 2)} is 2.68.
 */
public final class Formula {
  /** The longest formula accepted, in characters. */
  public static final int MAX_LENGTH = 1000;

  /** The built-in reference to the item's estimate. */
  public static final String ESTIMATE = "estimate";

  /** The functions of the language. */
  public static final List<String> FUNCTIONS = List.of("if", "min", "max", "round", "abs");

  /** Words of the language that cannot be field keys. */
  public static final Set<String> RESERVED =
      Set.of("and", "or", "not", "if", "min", "max", "round", "abs", ESTIMATE);

  private static final int MAX_DEPTH = 50;

  private final String source;
  private final Node root;
  private final Set<String> references;

  private Formula(String source, Node root, Set<String> references) {
    this.source = source;
    this.root = root;
    this.references = Collections.unmodifiableSet(references);
  }

  /**
   * Parses a formula.
   *
   * @throws FormulaError naming what was expected and the column (from 1) where it went wrong
   */
  public static Formula parse(String source) {
    if (source == null || source.isBlank()) {
      throw new FormulaError(1, "the formula is empty; write an expression such as value * 2");
    }
    if (source.length() > MAX_LENGTH) {
      throw new FormulaError(
          MAX_LENGTH + 1, "the formula is longer than " + MAX_LENGTH + " characters");
    }
    Parser parser = new Parser(Lexer.tokens(source));
    Node root = parser.formula();
    return new Formula(source, root, parser.references);
  }

  /** The text the formula was parsed from. */
  public String source() {
    return source;
  }

  /** The keys the formula reads, in order of first appearance ({@code estimate} included). */
  public Set<String> references() {
    return references;
  }

  /** The values a formula reads. */
  public interface Inputs {
    /** The value of a field (or of {@code estimate}), or null when it has none. */
    Double value(String key);

    /** Why the result is empty when {@code key} has no value, e.g. "Confidence has no value". */
    default String missing(String key) {
      return key + " has no value";
    }
  }

  /**
   * What a formula gave: a number, or nothing with the reason.
   *
   * @param value the result, or null
   * @param reason why there is no result, or null when there is one
   */
  public record Result(Double value, String reason) {
    public static Result of(double value) {
      return new Result(value == 0 ? 0.0 : value, null);
    }

    public static Result empty(String reason) {
      return new Result(null, reason);
    }

    public boolean isEmpty() {
      return value == null;
    }
  }

  /** Evaluates the formula; never throws for any inputs. */
  public Result evaluate(Inputs inputs) {
    Evaluation run = new Evaluation(inputs);
    Double value = root.eval(run);
    if (value == null) {
      return Result.empty(run.reason == null ? "the result is empty" : run.reason);
    }
    return Result.of(value);
  }

  @Override
  public String toString() {
    return source;
  }

  /** Why a formula could not be parsed, and where. */
  public static final class FormulaError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int column;
    private final String reason;

    public FormulaError(int column, String reason) {
      super("at column " + column + ": " + reason);
      this.column = column;
      this.reason = reason;
    }

    /** The column (from 1) where the formula went wrong. */
    public int column() {
      return column;
    }

    /** What was wrong, without the column. */
    public String reason() {
      return reason;
    }
  }

  // ---- Evaluation -----------------------------------------------------------------------------

  /** The state of one evaluation: the inputs and the first reason a value went missing. */
  private static final class Evaluation {
    private final Inputs inputs;
    private String reason;

    Evaluation(Inputs inputs) {
      this.inputs = inputs;
    }

    Double nothing(String why) {
      if (reason == null) {
        reason = why;
      }
      return null;
    }

    Double finite(double value) {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        return nothing("a number grew too large");
      }
      return value;
    }
  }

  private interface Node {
    Double eval(Evaluation run);
  }

  private record Num(double value) implements Node {
    @Override
    public Double eval(Evaluation run) {
      return value;
    }
  }

  private record Ref(String key) implements Node {
    @Override
    public Double eval(Evaluation run) {
      Double value = run.inputs.value(key);
      if (value == null) {
        return run.nothing(run.inputs.missing(key));
      }
      return run.finite(value);
    }
  }

  private record Negate(Node operand) implements Node {
    @Override
    public Double eval(Evaluation run) {
      Double v = operand.eval(run);
      return v == null ? null : -v;
    }
  }

  private record Not(Node operand) implements Node {
    @Override
    public Double eval(Evaluation run) {
      Double v = operand.eval(run);
      return v == null ? null : truth(v == 0);
    }
  }

  private enum Op {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    AND("and"),
    OR("or");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    static Op of(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      return null;
    }
  }

  private static double truth(boolean b) {
    return b ? 1.0 : 0.0;
  }

  private record Binary(Op op, Node left, Node right) implements Node {
    @Override
    public Double eval(Evaluation run) {
      Double l = left.eval(run);
      if (l == null) {
        return null;
      }
      if (op == Op.AND && l == 0) {
        return 0.0;
      }
      if (op == Op.OR && l != 0) {
        return 1.0;
      }
      Double r = right.eval(run);
      if (r == null) {
        return null;
      }
      return switch (op) {
        case ADD -> run.finite(l + r);
        case SUBTRACT -> run.finite(l - r);
        case MULTIPLY -> run.finite(l * r);
        case DIVIDE -> r == 0 ? run.nothing("division by zero") : run.finite(l / r);
        case EQUAL -> truth(l.doubleValue() == r.doubleValue());
        case NOT_EQUAL -> truth(l.doubleValue() != r.doubleValue());
        case LESS -> truth(l < r);
        case LESS_OR_EQUAL -> truth(l <= r);
        case GREATER -> truth(l > r);
        case GREATER_OR_EQUAL -> truth(l >= r);
        case AND, OR -> truth(r != 0);
      };
    }
  }

  private record Call(String function, List<Node> args) implements Node {
    @Override
    public Double eval(Evaluation run) {
      if (function.equals("if")) {
        Double condition = args.get(0).eval(run);
        if (condition == null) {
          return null;
        }
        return (condition != 0 ? args.get(1) : args.get(2)).eval(run);
      }
      List<Double> values = new ArrayList<>(args.size());
      for (Node arg : args) {
        Double v = arg.eval(run);
        if (v == null) {
          return null;
        }
        values.add(v);
      }
      return switch (function) {
        case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        case "abs" -> Math.abs(values.get(0));
        case "round" -> round(run, values.get(0), values.size() > 1 ? values.get(1) : 0.0);
        default -> throw new IllegalStateException("unknown function " + function);
      };
    }

    private static Double round(Evaluation run, double x, double digits) {
      if (digits != Math.rint(digits) || Math.abs(digits) > 15) {
        return run.nothing("round's digits must be a whole number from -15 to 15");
      }
      return BigDecimal.valueOf(x).setScale((int) digits, RoundingMode.HALF_UP).doubleValue();
    }
  }

  // ---- Lexing ---------------------------------------------------------------------------------

  private enum Kind {
    NUMBER,
    NAME,
    OPERATOR,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  private record Token(Kind kind, String text, int column) {
    String describe() {
      return switch (kind) {
        case END -> "the end of the formula";
        case NUMBER -> "the number " + text;
        case NAME -> "'" + text + "'";
        default -> "'" + text + "'";
      };
    }

    boolean is(String word) {
      return (kind == Kind.NAME || kind == Kind.OPERATOR) && text.equals(word);
    }
  }

  private static final class Lexer {
    private Lexer() {}

    static List<Token> tokens(String s) {
      List<Token> out = new ArrayList<>();
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        int column = i + 1;
        if (Character.isWhitespace(c)) {
          i++;
        } else if (isDigit(c) || (c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
          int start = i;
          while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
          }
          if (i < s.length() && s.charAt(i) == '.') {
            i++;
            if (i >= s.length() || !isDigit(s.charAt(i))) {
              throw new FormulaError(i + 1, "expected a digit after the decimal point");
            }
            while (i < s.length() && isDigit(s.charAt(i))) {
              i++;
            }
          }
          out.add(new Token(Kind.NUMBER, s.substring(start, i), column));
        } else if (isLetter(c)) {
          int start = i;
          while (i < s.length() && (isLetter(s.charAt(i)) || isDigit(s.charAt(i)))) {
            i++;
          }
          out.add(new Token(Kind.NAME, s.substring(start, i).toLowerCase(Locale.ROOT), column));
        } else if (c == '(') {
          out.add(new Token(Kind.OPEN, "(", column));
          i++;
        } else if (c == ')') {
          out.add(new Token(Kind.CLOSE, ")", column));
          i++;
        } else if (c == ',') {
          out.add(new Token(Kind.COMMA, ",", column));
          i++;
        } else {
          String op = operator(s, i);
          if (op == null) {
            throw new FormulaError(column, unexpected(s, i));
          }
          String canonical =
              switch (op) {
                case "==" -> "=";
                case "<>" -> "!=";
                default -> op;
              };
          out.add(new Token(Kind.OPERATOR, canonical, column));
          i += op.length();
        }
      }
      out.add(new Token(Kind.END, "", s.length() + 1));
      return out;
    }

    private static String operator(String s, int i) {
      for (String op :
          new String[] {"<=", ">=", "!=", "==", "<>", "+", "-", "*", "/", "=", "<", ">"}) {
        if (s.startsWith(op, i)) {
          return op;
        }
      }
      return null;
    }

    private static String unexpected(String s, int i) {
      char c = s.charAt(i);
      String hint =
          switch (c) {
            case '&' -> "; write 'and'";
            case '|' -> "; write 'or'";
            case '!' -> "; write 'not' or '!='";
            case '^' -> "; there is no power operator, multiply instead";
            case '%' -> "; write a percentage as a fraction, e.g. 0.3";
            case '"', '\'' -> "; formulas work with numbers only";
            default -> "";
          };
      String shown = Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
      return "unexpected character " + shown + hint;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
  }

  // ---- Parsing --------------------------------------------------------------------------------

  /** A recursive-descent parser over the tokens, one method per level of precedence. */
  private static final class Parser {
    private final List<Token> tokens;
    private final Set<String> references = new LinkedHashSet<>();
    private int at;
    private int depth;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    private Token peek() {
      return tokens.get(at);
    }

    private Token next() {
      return tokens.get(at++);
    }

    private FormulaError expected(String what, Token found) {
      return new FormulaError(
          found.column(), "expected " + what + " but found " + found.describe());
    }

    Node formula() {
      Node node = or();
      Token end = peek();
      if (end.kind() != Kind.END) {
        if (end.kind() == Kind.CLOSE) {
          throw new FormulaError(end.column(), "')' closes a parenthesis that was never opened");
        }
        throw expected("an operator or the end of the formula", end);
      }
      return node;
    }

    private Node or() {
      Node left = and();
      while (peek().is("or")) {
        next();
        left = new Binary(Op.OR, left, and());
      }
      return left;
    }

    private Node and() {
      Node left = not();
      while (peek().is("and")) {
        next();
        left = new Binary(Op.AND, left, not());
      }
      return left;
    }

    private Node not() {
      if (peek().is("not")) {
        next();
        enter();
        Node operand = not();
        depth--;
        return new Not(operand);
      }
      return comparison();
    }

    private static boolean isComparison(Token t) {
      return t.kind() == Kind.OPERATOR
          && switch (t.text()) {
            case "=", "!=", "<", "<=", ">", ">=" -> true;
            default -> false;
          };
    }

    private Node comparison() {
      Node left = additive();
      if (isComparison(peek())) {
        Op op = Op.of(next().text());
        Node right = additive();
        if (isComparison(peek())) {
          throw new FormulaError(
              peek().column(),
              "comparisons cannot be chained; join them with 'and', e.g. a < b and b < c");
        }
        return new Binary(op, left, right);
      }
      return left;
    }

    private Node additive() {
      Node left = term();
      while (peek().is("+") || peek().is("-")) {
        Op op = Op.of(next().text());
        left = new Binary(op, left, term());
      }
      return left;
    }

    private Node term() {
      Node left = unary();
      while (peek().is("*") || peek().is("/")) {
        Op op = Op.of(next().text());
        left = new Binary(op, left, unary());
      }
      return left;
    }

    private Node unary() {
      if (peek().is("-") || peek().is("+")) {
        boolean minus = next().is("-");
        enter();
        Node operand = unary();
        depth--;
        return minus ? new Negate(operand) : operand;
      }
      return primary();
    }

    private void enter() {
      if (++depth > MAX_DEPTH) {
        throw new FormulaError(peek().column(), "the formula nests too deeply");
      }
    }

    private Node primary() {
      Token t = next();
      switch (t.kind()) {
        case NUMBER:
          return new Num(Double.parseDouble(t.text()));
        case OPEN:
          {
            enter();
            Node inner = or();
            depth--;
            Token close = next();
            if (close.kind() != Kind.CLOSE) {
              throw expected("')' to close the '(' at column " + t.column(), close);
            }
            return inner;
          }
        case NAME:
          return name(t);
        default:
          throw expected("a number, a field or '('", t);
      }
    }

    private Node name(Token t) {
      String name = t.text();
      if (name.equals("and") || name.equals("or") || name.equals("not")) {
        throw expected("a number, a field or '('", t);
      }
      if (peek().kind() == Kind.OPEN) {
        if (!FUNCTIONS.contains(name)) {
          throw new FormulaError(
              t.column(),
              "unknown function '" + name + "'; the functions are " + String.join(", ", FUNCTIONS));
        }
        return call(t);
      }
      if (FUNCTIONS.contains(name)) {
        throw expected("'(' after the function " + name, peek());
      }
      references.add(name);
      return new Ref(name);
    }

    private Node call(Token name) {
      Token open = next();
      enter();
      List<Node> args = new ArrayList<>();
      if (peek().kind() != Kind.CLOSE) {
        args.add(or());
        while (peek().kind() == Kind.COMMA) {
          next();
          args.add(or());
        }
      }
      depth--;
      Token close = next();
      if (close.kind() != Kind.CLOSE) {
        throw expected("',' or ')' to close the '(' at column " + open.column(), close);
      }
      String f = name.text();
      String arity =
          switch (f) {
            case "if" ->
                args.size() == 3 ? null : "if takes 3 arguments: if(condition, then, else)";
            case "min", "max" -> args.isEmpty() ? f + " takes at least 1 argument" : null;
            case "round" ->
                args.size() == 1 || args.size() == 2
                    ? null
                    : "round takes 1 or 2 arguments: round(x) or round(x, digits)";
            case "abs" -> args.size() == 1 ? null : "abs takes 1 argument: abs(x)";
            default -> "unknown function '" + f + "'";
          };
      if (arity != null) {
        throw new FormulaError(name.column(), arity + ", not " + args.size());
      }
      return new Call(f, List.copyOf(args));
    }
  }
}
