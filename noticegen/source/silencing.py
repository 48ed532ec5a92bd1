"""Read a notice's `silence:` list: a check turned off for the notice or one item, always with a reason.

silence:
  - rule: long-sentence
    item: facts/lawful_bases/public-task
    reason: "This is the wording of Article 6(1)(e), quoted exactly."

Only the shape is read here; whether the rule and the item exist is for the checks to say
(`noticegen.checks.silence`), so that the loader does not depend on the checks.
"""

from __future__ import annotations

from noticegen.model import Silence
from noticegen.source.schema import Reader
from noticegen.source.yaml_nodes import Node


def read_silences(r: Reader, node: Node) -> tuple[Silence, ...]:
    silences = []
    for entry_node in r.sequence(node, "silence"):
        entries = r.mapping(entry_node, "a silenced check", ["rule"], ["reason", "item"])
        if entries is None or "rule" not in entries:
            continue
        ident = r.scalar(entries["rule"].node, "the check to silence")
        if ident is None:
            continue
        ident = ident.strip()
        if "reason" not in entries:
            r.report.error(
                entry_node.loc,
                f"silencing '{ident}' needs a reason: add 'reason:' saying why this check does not apply",
            )
            continue
        reason = entries["reason"].node
        if reason.value is not None and not isinstance(reason.value, str):
            r.report.error(reason.loc, f"the reason for silencing '{ident}' should be text")
            continue
        if not (reason.value or "").strip():
            r.report.error(
                reason.loc, f"the reason for silencing '{ident}' is empty: say why this check does not apply"
            )
            continue
        item = None
        if "item" in entries:
            item = r.scalar(entries["item"].node, "the item to silence")
            if item is None:
                continue
            item = item.strip().strip("/")
        silences.append(Silence(ident, reason.value.strip(), item, entry_node.loc, entries["rule"].node.loc))
    return tuple(silences)
