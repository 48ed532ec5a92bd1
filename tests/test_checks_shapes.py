"""The checks on notices written from the shapes of real notices (not the corpus files): a
controller or DPO named in the text, retention in a table, rights named in prose, facts no
section shows. Each case is a short notice written here, so the rules do not fit one document."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from noticegen.checks import run_checks
from noticegen.source import load_project

HEAD = """\
id: leisure
title: Leisure centres privacy notice
version: "1.0"
effective: 2025-01-01
controllers:
  - {id: wyre, name: Wyre Forest District Council, address: "Wyre Forest House, Finepoint Way, Kidderminster DY11 7WF"}
dpo: {name: Information Governance Officer, email: dpo@wyreforestdc.gov.uk}
"""
RIGHTS = """\
  rights:
    - {id: access, right: access, text: ask for a copy of your data}
    - {id: rectification, right: rectification, text: have wrong data corrected}
    - {id: erasure, right: erasure, text: have your data deleted}
    - {id: restriction, right: restriction, text: limit how we use it}
    - {id: objection, right: objection, text: object to how we use it}
"""

PUBLIC_TASK = '  lawful_bases:\n    - {id: task, text: Public task, basis: ["6(1)(e)"]}\n'


def findings(tmp_path: Path, facts: str, body: str) -> dict[str, list[str]]:
    root = tmp_path / f"site{len(list(tmp_path.iterdir()))}"
    shutil.copytree(ROOT / "notice_src", root / "notice_src", ignore=shutil.ignore_patterns("*.yaml"))
    shutil.copy(ROOT / "notice_src/site.yaml", root / "notice_src/site.yaml")
    text = (
        HEAD
        + ("facts:\n" + facts if facts else "facts: {}\n")
        + "sections:\n  - id: main-part\n    title: About\n    body:\n"
        + body
    )
    (root / "notice_src/leisure.yaml").write_text(text, encoding="utf-8")
    project, _ = load_project(root)
    found: dict[str, list[str]] = {}
    for finding in run_checks(project, None, dt.date(2025, 6, 1)):
        found.setdefault(finding.rule, []).append(finding.message)
    return found


def test_a_controller_named_in_the_text_counts(tmp_path: Path) -> None:
    body = "      - {id: who, paragraph: Wyre Forest District Council runs the leisure centres.}\n"
    assert "controller" not in findings(tmp_path, RIGHTS, body)


def test_a_controller_never_named_is_reported_with_the_controller_placeholder(tmp_path: Path) -> None:
    body = "      - {id: who, paragraph: We run the leisure centres.}\n"
    messages = findings(tmp_path, RIGHTS, body)["controller"]
    assert messages == [
        "the notice never names the organisation responsible for the data (the controller): "
        "name it, for example with {controller.name}"
    ]


def test_the_notices_own_dpo_named_in_the_text_counts(tmp_path: Path) -> None:
    body = (
        "      - id: who\n        paragraph: Our Information Governance Officer answers questions "
        "about your data (see Contact us).\n"
    )
    found = findings(tmp_path, RIGHTS, body)
    assert "dpo-contact" not in found


def test_no_dpo_anywhere_in_the_text_is_reported(tmp_path: Path) -> None:
    found = findings(tmp_path, RIGHTS, "      - {id: who, paragraph: Hello.}\n")
    assert "dpo-contact" in found


def test_retention_in_a_table_counts(tmp_path: Path) -> None:
    body = (
        "      - id: keeping\n        table:\n          header: [Record, How long we keep it]\n"
        "          rows:\n            - [Membership, 3 years after last contact]\n"
    )
    assert "retention" not in findings(tmp_path, RIGHTS, body)


def test_retention_in_label_value_lines_counts(tmp_path: Path) -> None:
    body = "      - id: control\n        details:\n          - {id: keep, label: Retention period, value: 3 years after your last visit}\n"
    assert "retention" not in findings(tmp_path, RIGHTS, body)


def test_a_retention_schedule_counts_and_is_read(tmp_path: Path) -> None:
    facts = (
        RIGHTS
        + "  retention:\n    - {id: members, what: Membership records, period: 3 years, from: your last visit}\n"
    )
    body = "      - facts: retention\n"
    assert "retention" not in findings(tmp_path, facts, body)
    vague = (
        RIGHTS + "  retention:\n    - {id: members, what: Membership records, period: as long as needed}\n"
    )
    assert "retention" in findings(tmp_path, vague, body)


def test_a_table_that_is_not_about_keeping_data_does_not_count(tmp_path: Path) -> None:
    body = (
        "      - id: prices\n        table:\n          header: [Activity, Price]\n"
        "          rows:\n            - [Swimming, 3 pounds]\n"
    )
    assert "retention" in findings(tmp_path, RIGHTS, body)


@pytest.mark.parametrize(
    "prose",
    [
        "You can ask for a copy of your data, ask us to correct it, have it deleted, ask us to restrict how we use it, or object to how we use it.",
        "You have the right of access, and can ask us to rectify, erase or restrict your data; you may also object at any time.",
    ],
)
def test_rights_named_in_prose_count(tmp_path: Path, prose: str) -> None:
    body = f"      - id: rights\n        paragraph: {prose}\n"
    found = findings(tmp_path, PUBLIC_TASK, body)
    assert "rights" not in found, found.get("rights")


def test_a_deletion_schedule_is_not_the_right_to_erasure(tmp_path: Path) -> None:
    body = (
        "      - id: keep\n        paragraph: Data will be deleted seven years after your application. "
        "You can ask for a copy of it.\n"
    )
    messages = findings(tmp_path, PUBLIC_TASK, body)["rights"]
    assert any("right to erasure" in m for m in messages)
    assert not any("right of access" in m for m in messages)


def test_rights_not_named_are_reported(tmp_path: Path) -> None:
    messages = findings(tmp_path, PUBLIC_TASK, "      - {id: rights, paragraph: You have rights.}\n")[
        "rights"
    ]
    assert any("right of access" in m for m in messages) and any("right to object" in m for m in messages)


def test_a_fact_list_no_section_shows_is_a_warning(tmp_path: Path) -> None:
    facts = RIGHTS + "  sources:\n    - {id: gp, text: Your doctor}\n"
    found = findings(tmp_path, facts, "      - facts: rights\n")
    assert found["unshown-facts"] == [
        "the facts 'sources' are not shown in any section, so readers never see them: add "
        "'- facts: sources' to the section where they belong"
    ]
