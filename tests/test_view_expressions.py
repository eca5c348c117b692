# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""The web client evaluates the views' domains, contexts and modifiers with
its own small Python interpreter (``web/static/src/core/py_js``), not with
Python: a method it does not know (``context_today().weekday()``) crashes the
client when the filter is clicked. These tests read every expression of the
addon's views, actions and filters and accept only what py_js evaluates."""

import ast

from lxml import etree

from odoo.tests import TransactionCase, tagged

# The names py_js knows (py_builtin.js BUILTINS) and those the web client puts
# in the evaluation context of views, actions and filters.
PY_JS_NAMES = frozenset(
    {
        "bool",
        "set",
        "max",
        "min",
        "time",
        "context_today",
        "current_date",
        "today",
        "now",
        "datetime",
        "relativedelta",
        "true",
        "false",
        "True",
        "False",
        "None",
        "uid",
        "user",
        "context",
        "active_id",
        "active_ids",
        "active_model",
        "allowed_company_ids",
        "current_company_id",
        "id",
        "parent",
        "self",
        "tz",
        "lang",
    }
)
# Functions py_js may call by name, and the classes it builds.
PY_JS_FUNCTIONS = frozenset({"bool", "set", "max", "min", "context_today"})
PY_JS_CONSTRUCTORS = frozenset({"relativedelta"})
# Dotted callables: datetime.date(...), datetime.datetime.now(), time.strftime().
PY_JS_DOTTED = frozenset(
    {
        "datetime.date",
        "datetime.datetime",
        "datetime.time",
        "datetime.timedelta",
        "datetime.date.today",
        "datetime.datetime.now",
        "datetime.datetime.combine",
        "time.strftime",
    }
)
# Methods of py_js values that Python's objects also have (PyDate,
# PyDateTime, dict, str, set): anything else (weekday, isoformat, replace,
# date, split, …) is Python-only.
PY_JS_METHODS = frozenset(
    {
        "strftime",
        "to_utc",
        "get",
        "lower",
        "upper",
        "intersection",
        "difference",
        "union",
    }
)
PY_JS_NODES = (
    ast.Expression,
    ast.Constant,
    ast.Name,
    ast.Load,
    ast.List,
    ast.Tuple,
    ast.Dict,
    ast.Set,
    ast.BinOp,
    ast.UnaryOp,
    ast.BoolOp,
    ast.Compare,
    ast.IfExp,
    ast.Call,
    ast.keyword,
    ast.Attribute,
    ast.Subscript,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.Mod,
    ast.FloorDiv,
    ast.Pow,
    ast.USub,
    ast.UAdd,
    ast.Not,
    ast.And,
    ast.Or,
    ast.Eq,
    ast.NotEq,
    ast.Lt,
    ast.LtE,
    ast.Gt,
    ast.GtE,
    ast.In,
    ast.NotIn,
)
# attributes of view nodes holding an expression the web client evaluates
EXPRESSION_ATTRIBUTES = (
    "domain",
    "filter_domain",
    "context",
    "invisible",
    "readonly",
    "required",
    "column_invisible",
)


def _dotted(node):
    """'datetime.datetime.now' for that attribute chain, None otherwise."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def py_js_errors(expression, names=()):
    """What the web client's py_js cannot evaluate in ``expression``."""
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError as exc:
        return [f"not an expression: {exc}"]
    allowed_names = PY_JS_NAMES | set(names)
    errors = []
    for node in ast.walk(tree):
        if not isinstance(node, PY_JS_NODES):
            errors.append(f"{type(node).__name__} is not supported by py_js")
        elif isinstance(node, ast.Name) and node.id not in allowed_names:
            errors.append(f"unknown name {node.id!r}")
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            errors.append("slices are not supported by py_js")
        elif isinstance(node, ast.Call):
            func = node.func
            dotted = _dotted(func)
            if isinstance(func, ast.Name):
                if func.id not in PY_JS_FUNCTIONS | PY_JS_CONSTRUCTORS:
                    errors.append(f"{func.id}() is not a py_js function")
            elif dotted and dotted.split(".")[0] in ("datetime", "time"):
                if dotted not in PY_JS_DOTTED:
                    errors.append(f"{dotted}() is not supported by py_js")
            elif isinstance(func, ast.Attribute):
                if func.attr not in PY_JS_METHODS:
                    errors.append(f".{func.attr}() is Python-only")
            else:
                errors.append("only names and methods may be called")
            if node.args and isinstance(func, ast.Name) and func.id == "relativedelta":
                errors.append("relativedelta(dt1, dt2) is not supported by py_js")
    return errors


@tagged("post_install", "-at_install")
class TestViewExpressions(TransactionCase):
    def _addon_records(self, model):
        data = self.env["ir.model.data"].search(
            [("module", "=", "university_supervision"), ("model", "=", model)]
        )
        return self.env[model].browse(data.mapped("res_id")).exists()

    def _model_names(self, model):
        if model not in self.env:
            return set()
        return set(self.env[model]._fields)

    def test_checker_refuses_python_only_calls(self):
        """The checker itself: the broken 本周到期 domain fails, its rewrite passes."""
        broken = (
            "[('deadline', '>=', (context_today() - "
            "relativedelta(days=context_today().weekday())).strftime('%Y-%m-%d'))]"
        )
        self.assertEqual(py_js_errors(broken), [".weekday() is Python-only"])
        fixed = (
            "[('deadline', '>=', (context_today() + "
            "relativedelta(days=-6, weekday=0)).strftime('%Y-%m-%d'))]"
        )
        self.assertEqual(py_js_errors(fixed), [])
        self.assertTrue(py_js_errors("[('a', '=', x) for x in (1, 2)]"))
        self.assertTrue(py_js_errors("[('date', '<', today.isoformat())]"))
        self.assertTrue(py_js_errors("[('year', '=', int('2026'))]"))
        self.assertTrue(
            py_js_errors("[('a', '=', datetime.date.today().replace(day=1))]")
        )

    def test_view_expressions(self):
        """Every domain, context and modifier of the addon's views runs in py_js."""
        errors = []
        for view in self._addon_records("ir.ui.view"):
            arch = etree.fromstring(view.arch_db.encode())
            fields_of_model = self._model_names(view.model)
            for node in arch.iter(tag=etree.Element):
                names = set(fields_of_model)
                # sub-views of x2many fields see their own model's fields
                for parent in node.iterancestors("field"):
                    field = fields_of_model and self.env[view.model]._fields.get(
                        parent.get("name")
                    )
                    if field and field.comodel_name:
                        names |= self._model_names(field.comodel_name)
                for attribute in EXPRESSION_ATTRIBUTES:
                    value = node.get(attribute)
                    if not value or value in ("0", "1"):
                        continue
                    for error in py_js_errors(value, names):
                        errors.append(
                            f"{view.xml_id or view.name} <{node.tag} "
                            f"name={node.get('name')!r}> {attribute}: {error}"
                        )
        self.assertFalse(errors, "\n".join(errors))

    def test_action_and_filter_expressions(self):
        """The domains and contexts of the addon's actions and saved filters run in py_js."""
        errors = []
        for action in self._addon_records("ir.actions.act_window"):
            names = self._model_names(action.res_model)
            for fname in ("domain", "context"):
                if action[fname]:
                    errors += [
                        f"{action.xml_id} {fname}: {error}"
                        for error in py_js_errors(action[fname], names)
                    ]
        for user_filter in self._addon_records("ir.filters"):
            for fname in ("domain", "context"):
                if user_filter[fname]:
                    errors += [
                        f"{user_filter.name} {fname}: {error}"
                        for error in py_js_errors(user_filter[fname])
                    ]
        self.assertFalse(errors, "\n".join(errors))
