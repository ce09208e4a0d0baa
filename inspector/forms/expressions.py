"""The checklist expression language: conditions and validation rules, parsed, never eval'd.

Contract. :func:`parse` turns a text into an immutable syntax tree or raises
:class:`ExpressionError` with the 1-based column and the reason in Chinese and English;
:func:`references` lists the items and entity fields a tree reads, so authoring can
refuse unknown names with their positions (:func:`check`); :func:`evaluate` computes a
tree against answers and the inspected entity and never raises: a type mismatch, a
missing answer or a division by zero gives ``None`` (unknown), and :func:`truthy`
treats unknown as false, so a condition on an unanswered item hides what depends on it.

The language (``docs/checklists.md``):

- literals: whole and decimal numbers (exact decimals, never floating point),
  ``'text'`` or ``"text"``, ``true``, ``false``, ``null``, lists ``[a, b]``;
- ``${item}`` (or ``$item``) is the answer to another item; ``entity.field`` a field
  of the inspected entity (``entity.risk_class``, ``entity.entity_type``, …);
- ``or``, ``and``, ``not``; ``=`` (or ``==``), ``!=``, ``<``, ``<=``, ``>``, ``>=``;
  ``x in [..]`` and ``'a' in ${multi}`` (a choice among those selected); ``+ - * /``
  and unary ``-``; parentheses;
- functions: ``count(x)`` (choices selected, or 0), ``selected(x, 'a')``,
  ``empty(x)``, ``today()``, ``date('YYYY-MM-DD')``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, DivisionByZero, InvalidOperation, Overflow
from typing import Union

from inspector.core.text import LocalText

Value = Union[Decimal, str, bool, date, tuple[str, ...], None]  # noqa: UP007 (a runtime alias)
FUNCTIONS = {"count": 1, "selected": 2, "empty": 1, "today": 0, "date": 1}
MAX_LENGTH = 2000
MAX_DEPTH = 60  # nested parentheses, not and unary minus
MAX_OPERATORS = 200  # binary operators in one expression (evaluation recurses on them)


class ExpressionError(ValueError):
    """A malformed expression: where (1-based column) and why, in both languages."""

    def __init__(self, column: int, zh: str, en: str) -> None:
        super().__init__(f"column {column}: {en}")
        self.column = column
        self.text = LocalText(f"第 {column} 列：{zh}", f"column {column}: {en}")


# -- the tree -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Literal:
    value: Value
    column: int


@dataclass(frozen=True, slots=True)
class ListOf:
    items: tuple[Node, ...]
    column: int


@dataclass(frozen=True, slots=True)
class ItemRef:
    name: str
    column: int


@dataclass(frozen=True, slots=True)
class EntityRef:
    field: str
    column: int


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # "not" or "-"
    operand: Node
    column: int


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node
    column: int


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]
    column: int


Node = Union[Literal, ListOf, ItemRef, EntityRef, Unary, Binary, Call]  # noqa: UP007


# -- tokens -------------------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<item>\$\{[A-Za-z_][A-Za-z0-9_.-]*\}|\$[A-Za-z_][A-Za-z0-9_]*)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)
  | (?P<op><=|>=|!=|==|[-+*/()\[\],=<>])
""", re.VERBOSE)
_KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # number, string, item, name, op, keyword, end
    text: str
    column: int


def _tokens(text: str) -> list[_Token]:
    found: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            if text[position] in "'\"":
                raise ExpressionError(position + 1, "文本缺少结束的引号",
                                      "a text is not closed by its quote")
            raise ExpressionError(position + 1, f"无法识别的字符 “{text[position]}”",
                                  f"unexpected character {text[position]!r}")
        kind = match.lastgroup or ""
        value = match.group()
        if kind != "space":
            if kind == "name" and value in _KEYWORDS:
                kind = "keyword"
            found.append(_Token(kind, value, position + 1))
        position = match.end()
    found.append(_Token("end", "", len(text) + 1))
    return found


# -- parsing (precedence climbing) --------------------------------------------------------

_COMPARISONS = {"=", "==", "!=", "<", "<=", ">", ">="}


def parse(text: str) -> Node:
    if len(text) > MAX_LENGTH:
        raise ExpressionError(MAX_LENGTH + 1, f"表达式超过 {MAX_LENGTH} 个字符",
                              f"an expression is at most {MAX_LENGTH} characters")
    if not text.strip():
        raise ExpressionError(1, "表达式为空", "the expression is empty")
    parser = _Parser(_tokens(text))
    node = parser.disjunction()
    parser.expect_end()
    return node


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self._tokens = tokens
        self._index = 0
        self._depth = 0
        self._operators = 0

    @property
    def _peek(self) -> _Token:
        return self._tokens[self._index]

    def _take(self) -> _Token:
        token = self._tokens[self._index]
        self._index += 1
        return token

    def _at(self, *texts: str) -> bool:
        return self._peek.kind in ("op", "keyword") and self._peek.text in texts

    def expect_end(self) -> None:
        if self._peek.kind != "end":
            raise self._unexpected("运算符或表达式结尾", "an operator or the end")

    def _unexpected(self, zh_wanted: str, en_wanted: str) -> ExpressionError:
        token = self._peek
        if token.kind == "end":
            return ExpressionError(token.column, f"表达式不完整，缺少{zh_wanted}",
                                   f"the expression ends early: expected {en_wanted}")
        return ExpressionError(token.column, f"此处应为{zh_wanted}，而不是 “{token.text}”",
                               f"expected {en_wanted}, not {token.text!r}")

    def _binary(self, op: str, left: Node, right: Node, token: _Token) -> Binary:
        self._operators += 1
        if self._operators > MAX_OPERATORS:
            raise ExpressionError(token.column, f"运算符超过 {MAX_OPERATORS} 个",
                                  f"more than {MAX_OPERATORS} operators")
        return Binary(op, left, right, token.column)

    def _deeper(self) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise ExpressionError(self._peek.column, "嵌套过深", "nested too deeply")

    def disjunction(self) -> Node:
        node = self.conjunction()
        while self._at("or"):
            token = self._take()
            node = self._binary("or", node, self.conjunction(), token)
        return node

    def conjunction(self) -> Node:
        node = self.negation()
        while self._at("and"):
            token = self._take()
            node = self._binary("and", node, self.negation(), token)
        return node

    def negation(self) -> Node:
        if self._at("not"):
            token = self._take()
            self._deeper()
            operand = self.negation()
            self._depth -= 1
            return Unary("not", operand, token.column)
        return self.comparison()

    def comparison(self) -> Node:
        node = self.sum()
        if self._at(*_COMPARISONS, "in"):
            token = self._take()
            op = "=" if token.text == "==" else token.text
            node = self._binary(op, node, self.sum(), token)
            if self._at(*_COMPARISONS, "in"):
                raise ExpressionError(self._peek.column, "比较不能连写，请用 and 连接",
                                      "comparisons do not chain: join them with and")
        return node

    def sum(self) -> Node:
        node = self.product()
        while self._at("+", "-"):
            token = self._take()
            node = self._binary(token.text, node, self.product(), token)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self._at("*", "/"):
            token = self._take()
            node = self._binary(token.text, node, self.unary(), token)
        return node

    def unary(self) -> Node:
        if self._at("-"):
            token = self._take()
            self._deeper()
            operand = self.unary()
            self._depth -= 1
            return Unary("-", operand, token.column)
        return self.primary()

    def primary(self) -> Node:
        token = self._peek
        if token.kind == "number":
            self._take()
            return Literal(Decimal(token.text), token.column)
        if token.kind == "string":
            self._take()
            return Literal(_unquote(token.text), token.column)
        if token.kind == "keyword" and token.text in ("true", "false", "null"):
            self._take()
            value: Value = {"true": True, "false": False, "null": None}[token.text]
            return Literal(value, token.column)
        if token.kind == "item":
            self._take()
            return ItemRef(token.text.strip("${}"), token.column)
        if token.kind == "name":
            return self._name()
        if self._at("("):
            self._take()
            self._deeper()
            node = self.disjunction()
            self._depth -= 1
            self._close(")", token)
            return node
        if self._at("["):
            return self._list()
        raise self._unexpected("数值、文本、${题目} 或 (", "a value, text, ${item} or (")

    def _name(self) -> Node:
        token = self._take()
        if token.text.startswith("entity."):
            return EntityRef(token.text.removeprefix("entity."), token.column)
        if token.text not in FUNCTIONS:
            raise ExpressionError(token.column, f"未知的名称 “{token.text}”：题目写作 "
                                  "${题目}，对象字段写作 entity.字段",
                                  f"unknown name {token.text!r}: write items as ${{item}} "
                                  "and entity fields as entity.field")
        if not self._at("("):
            raise ExpressionError(self._peek.column, f"函数 {token.text} 后应有 (",
                                  f"expected ( after the function {token.text}")
        self._take()
        args: list[Node] = []
        if not self._at(")"):
            args.append(self.disjunction())
            while self._at(","):
                self._take()
                args.append(self.disjunction())
        self._close(")", token)
        wanted = FUNCTIONS[token.text]
        if len(args) != wanted:
            raise ExpressionError(token.column, f"函数 {token.text} 需要 {wanted} 个参数",
                                  f"the function {token.text} takes {wanted} argument(s)")
        if token.text == "date":
            return _date_literal(args[0], token.column)
        return Call(token.text, tuple(args), token.column)

    def _list(self) -> Node:
        opening = self._take()
        items: list[Node] = []
        if not self._at("]"):
            items.append(self.sum())
            while self._at(","):
                self._take()
                items.append(self.sum())
        self._close("]", opening)
        return ListOf(tuple(items), opening.column)

    def _close(self, text: str, opening: _Token) -> None:
        if not self._at(text):
            raise self._unexpected(f"与第 {opening.column} 列配对的 “{text}”",
                                   f"{text!r} to close column {opening.column}")
        self._take()


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def _date_literal(argument: Node, column: int) -> Literal:
    if isinstance(argument, Literal) and isinstance(argument.value, str) and re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", argument.value):
        try:
            return Literal(date.fromisoformat(argument.value), column)
        except ValueError:
            pass
    raise ExpressionError(column, "date() 需要 'YYYY-MM-DD' 形式的日期文本",
                          "date() takes a date text such as '2026-12-01'")


# -- what a tree reads --------------------------------------------------------------------


def walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, ListOf | Call):
        children = node.items if isinstance(node, ListOf) else node.args
        for child in children:
            yield from walk(child)
    elif isinstance(node, Unary):
        yield from walk(node.operand)
    elif isinstance(node, Binary):
        yield from walk(node.left)
        yield from walk(node.right)


def references(node: Node) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(item names, entity fields) the expression reads, in order of appearance."""
    items = [n.name for n in walk(node) if isinstance(n, ItemRef)]
    fields = [n.field for n in walk(node) if isinstance(n, EntityRef)]
    return tuple(dict.fromkeys(items)), tuple(dict.fromkeys(fields))


def check(text: str, *, items: frozenset[str], entity_fields: frozenset[str]) -> Node:
    """Parse ``text`` and refuse a reference to an unknown item or field, by position."""
    node = parse(text)
    for found in walk(node):
        if isinstance(found, ItemRef) and found.name not in items:
            raise ExpressionError(found.column, f"没有名为 {found.name} 的题目",
                                  f"no item named {found.name}")
        if isinstance(found, EntityRef) and found.field not in entity_fields:
            raise ExpressionError(found.column, f"检查对象没有字段 {found.field}",
                                  f"the entity has no field {found.field}")
    return node


# -- evaluation ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Context:
    answers: Mapping[str, Value]
    entity: Mapping[str, Value]
    today: date


def truthy(value: Value) -> bool:
    """A condition holds only when it is true; unknown (None) does not hold."""
    return value is True


def evaluate(node: Node, context: Context) -> Value:
    """The value of ``node``; never raises (mismatches and unknowns give None)."""
    try:
        return _value(node, context)
    except (InvalidOperation, DivisionByZero, Overflow, TypeError, ValueError,
            RecursionError):
        return None


def _value(node: Node, context: Context) -> Value:
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, ItemRef):
        return context.answers.get(node.name)
    if isinstance(node, EntityRef):
        return context.entity.get(node.field)
    if isinstance(node, ListOf):
        values = [_value(item, context) for item in node.items]
        return tuple(_text(v) for v in values if v is not None)
    if isinstance(node, Unary):
        operand = _value(node.operand, context)
        if node.op == "not":
            return not operand if isinstance(operand, bool) else None
        return -operand if isinstance(operand, Decimal) else None
    if isinstance(node, Call):
        return _call(node, context)
    return _binary(node, context)


def _call(node: Call, context: Context) -> Value:
    args = [_value(arg, context) for arg in node.args]
    if node.name == "today":
        return context.today
    if node.name == "empty":
        return args[0] is None or args[0] == "" or args[0] == ()
    if node.name == "count":
        return Decimal(len(args[0])) if isinstance(args[0], tuple) else Decimal(
            0 if args[0] is None else 1)
    chosen, wanted = args
    if chosen is None or wanted is None:
        return False
    return str(wanted) in chosen if isinstance(chosen, tuple) else str(chosen) == str(wanted)


_ARITHMETIC: Mapping[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b,
    "*": lambda a, b: a * b, "/": lambda a, b: a / b,
}


def _binary(node: Binary, context: Context) -> Value:
    if node.op in ("and", "or"):
        holds = truthy(_value(node.left, context))
        if node.op == "and":
            return holds and truthy(_value(node.right, context))
        return holds or truthy(_value(node.right, context))
    left, right = _value(node.left, context), _value(node.right, context)
    if node.op in _ARITHMETIC:
        if isinstance(left, Decimal) and isinstance(right, Decimal):
            return _ARITHMETIC[node.op](left, right)
        return None
    if node.op == "in":
        if left is None or not isinstance(right, tuple):
            return None if right is None else False
        return _text(left) in right
    return _compare(node.op, left, right)


def _compare(op: str, left: Value, right: Value) -> Value:
    if op in ("=", "!="):
        equal = _same(left, right)
        return equal if op == "=" else not equal
    if isinstance(left, Decimal) and isinstance(right, Decimal):
        return _ordered(op, left.compare(right))
    if isinstance(left, date) and isinstance(right, date):
        return _ordered(op, Decimal((left - right).days))
    if isinstance(left, str) and isinstance(right, str):
        return _ordered(op, Decimal((left > right) - (left < right)))
    return None


def _ordered(op: str, sign: Decimal) -> bool:
    return {"<": sign < 0, "<=": sign <= 0, ">": sign > 0, ">=": sign >= 0}[op]


def _same(left: Value, right: Value) -> bool:
    """Equality across the types a form holds: a number equals its text ('3' = 3)."""
    if isinstance(left, Decimal) and isinstance(right, str):
        return _text(left) == right
    if isinstance(left, str) and isinstance(right, Decimal):
        return left == _text(right)
    if type(left) is not type(right):
        return False
    return left == right


def _text(value: Value) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)
