"""Read who is responsible for a notice's data: its controller(s), their joint arrangement, the
processors it names and its own Data Protection Officer (each optional: the site's by default)."""

from __future__ import annotations

import re

from noticegen.model import Contact, Controller, Processor
from noticegen.source.facts import read_contact
from noticegen.source.keys import Key, text
from noticegen.source.schema import Reader
from noticegen.source.yaml_nodes import Node

ICO_NUMBER = re.compile(r"^[A-Z]{1,2}[0-9]{6,8}$")
RESERVED = ("org", "dpo", "controller")  # placeholder names a controller or contact id cannot take
CONTROLLER_FIELDS = ["name", "ico_registration", "address", "website", "email", "phone"]


def _notice_key(path: str) -> str:
    return path.split("/")[0]


OWNER_KEYS = (
    Key("controllers", lambda r, node, path: read_controllers(r, node, _notice_key(path)), default=()),
    Key("joint_arrangement", text("the joint arrangement")),
    Key("processors", lambda r, node, path: read_processors(r, node, _notice_key(path)), default=()),
    Key("dpo", lambda r, node, path: read_contact(r, node, _notice_key(path), fixed_id="dpo")),
)


def check_owners(r: Reader, node: Node, keys: dict) -> None:
    """What the keys say together: joint controllers have an arrangement, controllers are not contacts."""
    controllers = keys["controllers"]
    check_contact_ids(r, controllers, keys["contacts"])
    if keys["joint_arrangement"] is not None and len(controllers) < 2:
        r.report.error(
            node.value["joint_arrangement"].node.loc,
            "'joint_arrangement' describes how joint controllers share their duties: "
            "name at least two controllers under 'controllers:', or remove it",
        )
    elif len(controllers) >= 2 and "joint_arrangement" not in node.value:
        r.report.error(
            node.value["controllers"].node.loc,
            f"the notice names {len(controllers)} controllers but no 'joint_arrangement': say in a "
            "sentence or two what they agreed (UK GDPR Article 26): who does what, and whom to contact",
        )


def read_controllers(r: Reader, node: Node, key: str) -> tuple[Controller, ...]:
    controllers = []
    for item in r.sequence(node, "controllers"):
        entries = r.mapping(item, "a controller", ["id", "name"], CONTROLLER_FIELDS[1:])
        if entries is None or not {"id", "name"} <= entries.keys():
            continue
        ident = r.ident(entries["id"].node, "a controller")
        if ident in RESERVED:
            r.report.error(
                entries["id"].node.loc,
                f"'{ident}' cannot be a controller's id: it is a placeholder name ({{{ident}.…}}); "
                "use the organisation's name, like 'central-bedfordshire'",
            )
            continue
        get = {name: entries[name].node for name in CONTROLLER_FIELDS if name in entries}
        where = f"{key}/controllers/{ident}"
        name = r.text(get["name"], f"{where}/name", f"the name of controller '{ident}'")
        controller = Controller(
            id=ident or "",
            name=name,  # type: ignore[arg-type]
            ico_registration=r.pattern(
                get["ico_registration"], "ICO registration number", ICO_NUMBER, "Z6451588"
            )
            if "ico_registration" in get
            else None,
            address=r.text(get["address"], f"{where}/address", f"the address of controller '{ident}'")
            if "address" in get
            else None,
            website=r.url(get["website"], "web address") if "website" in get else None,
            email=r.email(get["email"], "email address") if "email" in get else None,
            phone=r.phone(get["phone"], "telephone number") if "phone" in get else None,
            loc=item.loc,
        )
        for field in ("website", "email", "phone", "ico_registration"):
            if field in get and getattr(controller, field) is None:
                r.invalid_fields.add((ident or "", "url" if field == "website" else field))
        if ident and name:
            controllers.append(controller)
    r.unique_ids([(c.id, c.loc) for c in controllers], "controllers")
    return tuple(controllers)


def read_processors(r: Reader, node: Node, key: str) -> tuple[Processor, ...]:
    processors = []
    for item in r.sequence(node, "processors"):
        entries = r.mapping(item, "a processor", ["id", "name"], ["text"])
        if entries is None or not {"id", "name"} <= entries.keys():
            continue
        ident = r.ident(entries["id"].node, "a processor")
        where = f"{key}/processors/{ident}"
        name = r.text(entries["name"].node, f"{where}/name", f"the name of processor '{ident}'")
        text = (
            r.text(entries["text"].node, where, f"what processor '{ident}' does")
            if "text" in entries
            else None
        )
        if ident and name:
            processors.append(Processor(ident, name, text, item.loc))
    r.unique_ids([(p.id, p.loc) for p in processors], "processors")
    return tuple(processors)


def check_contact_ids(r: Reader, controllers: tuple[Controller, ...], contacts: tuple[Contact, ...]) -> None:
    """A controller is also a contact by its id: the two must not share one."""
    names = {c.id: c.loc for c in controllers}
    for contact in contacts:
        if contact.id in names:
            r.report.error(
                contact.loc,
                f"contact '{contact.id}' has the id of a controller (line {names[contact.id].line}); "
                "a controller is already a contact by its id: remove the contact or rename it",
            )
