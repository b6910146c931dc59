"""Check author YAML against a JSON Schema; explain the first problem in plain words."""

from __future__ import annotations

import datetime
import difflib
import hashlib
import json
import marshal
from collections.abc import Callable
from functools import cache
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any

import fastjsonschema

from loading.kept_files import keep
from loading.yaml_source import PathPart, YamlDocument, format_path, printable

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMAS = Path(__file__).parent.parent / "schemas"

TYPE_NAMES = {
    "object": "a mapping (key: value lines)",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
}


@cache
def load_schema(name: str) -> Draft202012Validator:
    """A validator for one of our shipped schemas (hooks/schemas/NAME)."""
    # Imported here: a build whose files all pass fast_check never needs it (a tenth of a second of start-up).
    from jsonschema import Draft202012Validator

    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(_inlined(schema))


# Where fast_check keeps the code it compiles, for the next build (the glue sets it: .cache/schemas).
_compiled_folder: Path | None = None


def keep_compiled_checks(folder: Path | None) -> None:
    """Keep fast_check's compiled code in folder between builds (None: compile in every process)."""
    global _compiled_folder
    _compiled_folder = folder


@cache
def fast_check(name: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python code (fastjsonschema): raises JsonSchemaException on any problem."""
    # Most files have no mistake: this tells so in a tenth of jsonschema's time
    # (a thousand quizzes: a second per build), and only a file that fails it
    # goes through jsonschema, for every error and the words to explain them.
    # Our schemas use only keywords draft 7 has, which fastjsonschema implements.
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    definition = {**_inlined(schema), "$schema": "http://json-schema.org/draft-07/schema#"}
    namespace: dict[str, Any] = {}
    exec(_check_code(name, definition), namespace)  # our own schema's code, as fastjsonschema.compile runs it
    check: Callable[[Any], Any] = next(value for key, value in namespace.items() if key.startswith("validate"))
    return check


def _check_code(name: str, definition: dict[str, Any]) -> CodeType:
    """fastjsonschema's code for the schema, compiled; read back from the folder when a build made it before."""
    # Generating and compiling it took 60 ms of every build, whatever its size.
    key = hashlib.blake2b(
        json.dumps(definition, sort_keys=True).encode() + fastjsonschema.VERSION.encode() + MAGIC_NUMBER,
        digest_size=16,
    ).hexdigest()
    kept = _compiled_folder / f"{name}.{key}.code" if _compiled_folder else None
    if kept is not None:
        try:
            code = marshal.loads(kept.read_bytes())
            if isinstance(code, CodeType):
                return code
        except (OSError, EOFError, ValueError, TypeError):
            pass  # not there yet, or damaged: compile it afresh
    code = compile(fastjsonschema.compile_to_code(definition), f"<{name}>", "exec")
    if kept is not None:
        keep(kept, marshal.dumps(code))
    return code


def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    # Editors read the file with its $refs; validating an inlined copy skips
    # reference lookups on every value.
    inlined: dict[str, Any] = inline_refs(schema, schema)
    inlined.pop("$defs", None)
    return inlined


def inline_refs(node: Any, root: dict[str, Any]) -> Any:
    """Replace local {"$ref": "#/a/b", ...} with the schema it names (siblings win)."""
    if isinstance(node, list):
        return [inline_refs(item, root) for item in node]
    if not isinstance(node, dict):
        return node
    if str(node.get("$ref", "")).startswith("#/"):
        target: Any = root
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        return {**inline_refs(target, root), **inline_refs(siblings, root)}
    return {key: inline_refs(value, root) for key, value in node.items()}


def check_against_schema(doc: YamlDocument, schema_name: str) -> None:
    """Raise an AuthorError for the first schema problem in document order."""
    try:
        fast_check(schema_name)(doc.data)
        return
    except fastjsonschema.JsonSchemaException:
        pass  # jsonschema finds every problem, in words an author can act on
    validator = load_schema(schema_name)
    errors = list(validator.iter_errors(doc.data))
    # A misspelt key also makes its object lack the right one; the spelling is
    # the real mistake, so "missing" errors on such objects are dropped.
    misspelt = {tuple(e.absolute_path) for e in errors if e.validator == "additionalProperties"}
    errors = [e for e in errors if not (e.validator == "required" and tuple(e.absolute_path) in misspelt)]
    # Empty text also fails the text's pattern; that is one mistake, not two.
    empty = {tuple(e.absolute_path) for e in errors if e.validator == "minLength"}
    errors = [e for e in errors if not (e.validator == "pattern" and tuple(e.absolute_path) in empty)]
    if not errors:
        return
    ranked = sorted(
        ((explain(doc, error), error.validator != "additionalProperties") for error in errors),
        # First in the file; at one line, an unknown key, then the deepest path.
        key=lambda item: (doc.line(item[0][0]), item[1], -len(item[0][0])),
    )
    # One mistake can surface through several subschemas: count it once.
    explained = list(dict.fromkeys(item[0] for item in ranked))
    path, problem, fix = explained[0]
    more = len(explained) - 1
    suffix = f" ({more} more problem{'s' if more > 1 else ''} after this one)" if more else ""
    raise doc.error(path, problem + suffix, fix)


def explain(doc: YamlDocument, error: ValidationError) -> tuple[tuple[PathPart, ...], str, str]:
    """(path, what is wrong, how to fix it) for one validation error."""
    path = tuple(error.absolute_path)
    # JSON-shaped, and set on every error a validator yields (the stubs also allow the
    # "unset" marker of a hand-made ValidationError). rule: the keyword's value in the schema.
    schema: Any = error.schema
    instance: Any = error.instance
    rule: Any = error.validator_value
    kind = error.validator
    custom_fix = schema.get("x-fix") if isinstance(schema, dict) else None
    # A rule with no ready wording (not, oneOf...) carries its own in the schema.
    if isinstance(schema, dict) and "x-problem" in schema:
        return path, schema["x-problem"], custom_fix or "see the schema in hooks/schemas/ for what is allowed"
    if kind == "required":
        missing = next(key for key in rule if key not in instance)
        hint = schema.get("properties", {}).get(missing, {})
        about = hint.get("description", "") if isinstance(hint, dict) else ""
        return path, f"'{missing}' is missing", f"add {missing}:" + (f" ({about})" if about else "")
    if kind == "additionalProperties" or (kind == "unevaluatedProperties"):
        allowed = sorted(schema.get("properties", {}))
        unknown = sorted(key for key in instance if key not in allowed)[0]
        guess = difflib.get_close_matches(unknown, allowed, n=1)
        fix = (f"did you mean '{guess[0]}'? " if guess else "remove it; ") + f"allowed here: {', '.join(allowed)}"
        return (*path, unknown), f"unknown field '{printable(str(unknown))}'", fix
    if kind == "type":
        wanted = rule if isinstance(rule, str) else rule[0]
        quote_fix = (text_fix(path, instance, doc.written(path)) if wanted == "string" else None) or custom_fix
        return (
            path,
            f"expected {TYPE_NAMES.get(wanted, wanted)}, found {describe(instance)}",
            quote_fix or f"write {format_path(path) or 'the file'} as {TYPE_NAMES.get(wanted, wanted)}",
        )
    if kind in {"enum", "const"}:
        choices = [str(value) for value in (rule if kind == "enum" else [rule])]
        guess = difflib.get_close_matches(str(instance), choices, n=1)
        fix = (f"did you mean '{guess[0]}'? " if guess else "") + f"use one of: {', '.join(choices)}"
        return path, f"{describe(instance)} is not allowed here", fix
    if kind == "minItems":
        count, need = len(instance), rule
        return (
            path, f"has {count} item{'s' if count != 1 else ''}, needs at least {need}",
            custom_fix or f"add {need - count} more",
        )
    if kind == "minProperties":
        count, need = len(instance), rule
        return (
            path, f"has {count} entr{'ies' if count != 1 else 'y'}, needs at least {need}",
            custom_fix or f"add {need - count} more",
        )
    if kind == "maxProperties":
        # A decision aid a reader can follow is small; this many is a generated or pasted file.
        return path, f"has {len(instance)} entries, at most {rule} are allowed", "split it into smaller files"
    if kind == "minLength":
        # The schema's own fix is about the text's form, not its absence.
        return path, "the text is empty", "write the text, or remove the field if it is optional"
    if kind == "pattern":
        return path, f"{describe(instance)} is not in the right form", custom_fix or f"match the pattern {rule}"
    return path, error.message, custom_fix or "see the schema in hooks/schemas/ for what is allowed"


def text_fix(path: tuple[PathPart, ...], instance: Any, written: str | None) -> str | None:
    """How to turn a value YAML read as something else back into text."""
    key = f"{path[-1]}: " if path and isinstance(path[-1], str) else "- "
    if instance is None:
        return f"write the text after '{key.strip()}'"
    if written is None or isinstance(instance, (list, dict)):
        return None
    # yes, no, on, off, 12, 1.5 and 2024-01-01 are not text to YAML unless quoted.
    reads_as = (
        str(instance).lower() if isinstance(instance, bool)
        else "a date" if isinstance(instance, datetime.date)
        else "a number"
    )
    quoted = printable(written).replace('"', '\\"')
    return f'put it in quotes, like {key}"{quoted}"; without quotes YAML reads {printable(written)} as {reads_as}'


def describe(value: Any) -> str:
    """A short, readable account of a YAML value."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        # YAML reads 2024-01-01 as a date, not as text.
        return f"the date {value.isoformat()}"
    return repr(value)
