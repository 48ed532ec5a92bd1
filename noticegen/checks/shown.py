"""A fact the notice holds but no section shows: readers never see it (and checks that count it
would be wrong to). Written once under `facts:`, each fact needs a `facts:` block to be read."""

from __future__ import annotations

from noticegen.checks.core import Context, Hit, rule
from noticegen.model import FACT_LISTS


@rule(
    "unshown-facts",
    "warning",
    "docs/source-format.md (facts are shown by a 'facts:' block)",
    "Every fact the notice holds is shown by a section; a fact no section shows is never read.",
)
def unshown_facts(ctx: Context):
    blocks = [b for s in ctx.notice.sections for b in s.blocks if b.kind == "facts"]
    for name in FACT_LISTS:  # (a transfers or automated-decisions statement is an answer, not a list)
        value = getattr(ctx.notice.facts, name)
        if not value:
            continue
        showing = [b for b in blocks if b.ref == name]
        if not showing:
            yield Hit(
                ctx.anchor(f"facts/{name}", "facts"),
                f"the facts '{name}' are not shown in any section, so readers never see them: add "
                f"'- facts: {name}' to the section where they belong",
                f"facts/{name}",
            )
            continue
        if any(not b.only for b in showing):
            continue
        listed = {i for b in showing for i in b.only}
        for item in value:
            if item.id not in listed:
                yield Hit(
                    item.loc,
                    f"'{item.id}' of facts '{name}' is not shown: every 'facts: {name}' block "
                    "lists other items in 'only:'; add it to one of them",
                    f"facts/{name}/{item.id}",
                )
