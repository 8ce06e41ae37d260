"""What the OpenAPI document cannot say, told to schemathesis so it sends only what a real client may.

- Every request gets an Idempotency-Key of its own: a key names one request, and the API refuses
  a key sent again with another body (422) - the contract, not a fault.
- A calendar year's dates lie in that year (`PUT /calendar/years/{year}`).
- Uniqueness by a field inside a list (proposers by id, commitments by number) and "the lead is
  not also a co-handler" have no JSON Schema keyword; the schemas' descriptions say them, and
  here generated bodies that break them are left out rather than counted as refused valid data.
"""
import re
import uuid

import schemathesis


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    if case.method.upper() == "POST":
        case.headers = {**(case.headers or {}), "Idempotency-Key": str(uuid.uuid4())}


def _unique(items, field):
    values = [i.get(field) for i in items if isinstance(i, dict)]
    return len(values) == len(set(map(str, values)))


def _keeps_unwritten_rules(node):
    if isinstance(node, dict):
        if isinstance(node.get("proposers"), list) and not _unique(node["proposers"], "id"):
            return False
        if isinstance(node.get("commitments"), list) and not _unique(node["commitments"], "no"):
            return False
        co_handlers = node.get("coHandlers")
        if node.get("mode") == "joint" and isinstance(co_handlers, list) and node.get("lead") in co_handlers:
            return False
        return all(_keeps_unwritten_rules(v) for v in node.values())
    if isinstance(node, list):
        return all(_keeps_unwritten_rules(v) for v in node)
    return True


@schemathesis.hook
def filter_body(ctx, body):
    return _keeps_unwritten_rules(body)


def _dates(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from _dates(v)
    elif isinstance(node, list):
        for v in node:
            yield from _dates(v)
    elif isinstance(node, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", node):
        yield node


@schemathesis.hook
def filter_case(ctx, case):
    year = (case.path_parameters or {}).get("year")
    return year is None or all(d.startswith(f"{year}-") for d in _dates(case.body))
