"""Read a notice's `silence:` list: a check turned off for the notice or one item, always with a reason.

silence:
  - rule: long-sentence
    item: facts/lawful_bases/public-task
    reason: "This is the wording of Article 6(1)(e), quoted exactly."
"""

from __future__ import annotations

from ..model import Notice, Silence
from ..schema import Reader, _did_you_mean
from ..yamlsrc import Node
from .core import RULES
from .walk import item_paths


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
        known = [k for k, v in RULES.items() if v.silenceable]
        if ident not in known:
            r.report.error(
                entries["rule"].node.loc,
                f"there is no check '{ident}'{_did_you_mean(ident, known)}: "
                "the checks are listed in docs/checks.md",
            )
            continue
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
        silences.append(Silence(ident, reason.value.strip(), item, entry_node.loc))
    return tuple(silences)


def check_silence_items(r: Reader, notice: Notice) -> None:
    """Every silenced item must exist, so that a typo does not silence nothing without anyone knowing."""
    paths = None
    for silence in notice.silenced:
        if silence.item is None:
            continue
        paths = paths or item_paths(notice)
        if silence.item not in paths:
            r.report.error(
                silence.loc,
                f"there is no item '{silence.item}' in this notice"
                f"{_did_you_mean(silence.item, paths)}: name it by the ids from the "
                "top, like 'facts/legislation/<id>' or 'sections/<section>/<block>'",
            )
