"""The registry of UK legislation commonly cited in council privacy notices.

Each entry is the official short title (without a leading "The"), its year, whether it is an
Act of the UK Parliament ("act", with its chapter number) or a Statutory Instrument ("si", with
its S.I. number), and other names people use for it. The legislation.gov.uk address is made
from the year and number: https://www.legislation.gov.uk/ukpga/<year>/<chapter> for an Act,
https://www.legislation.gov.uk/uksi/<year>/<number> for an S.I.

Only facts that have been checked go here: when a number is not known for certain it is left
out (the entry then has no link to suggest). To add an entry, copy one and check every field
on legislation.gov.uk.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Legislation:
    title: str  # the short title, e.g. "Children Act 2004"
    year: int
    kind: str  # "act" or "si"
    number: int | None = None  # chapter of an Act, or number of an S.I.
    aliases: tuple[str, ...] = ()  # other names without the year, e.g. ("NHS Act",)

    @property
    def url(self) -> str | None:
        if self.number is None:
            return None
        series = "ukpga" if self.kind == "act" else "uksi"
        return f"https://www.legislation.gov.uk/{series}/{self.year}/{self.number}"

    @property
    def citation(self) -> str:
        if self.number is None:
            return str(self.year)
        return f"{self.year} c. {self.number}" if self.kind == "act" else f"S.I. {self.year}/{self.number}"


def _act(title: str, chapter: int | None, *aliases: str) -> Legislation:
    return Legislation(title, int(title[-4:]), "act", chapter, aliases)


def _si(title: str, number: int | None, *aliases: str) -> Legislation:
    return Legislation(title, int(title[-4:]), "si", number, aliases)


LEGISLATION: tuple[Legislation, ...] = (
    # Cited by the Supporting Families notice (every one of them is here).
    _act("Digital Economy Act 2017", 30),
    _act("Children Act 2004", 31),
    _act("National Health Service Act 2006", 41, "NHS Act"),
    _act("Children and Families Act 2014", 6),
    _act("Crime and Disorder Act 1998", 37),
    _act("Offender Management Act 2007", 21),
    _act("Education Act 2002", 32),
    _act("Localism Act 2011", 20),
    _act("Local Government Act 2000", 22),
    _act("Criminal Justice Act 2003", 44),
    _act("Sexual Offences Act 2003", 42),
    _act("Police and Criminal Evidence Act 1984", 60, "PACE"),
    _act("Children (Leaving Care) Act 2000", 35),
    _si("Special Educational Needs and Disability Regulations 2014", 1530, "SEND Regulations"),
    _act("Immigration and Asylum Act 1999", 33),
    _act("Education and Skills Act 2008", 25),
    _si("School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012", 1033),
    _si("Education (Information About Individual Pupils) (England) Regulations 2013", 2094),
    _act("Protection of Children Act 1978", 37),
    _act("Protection of Children Act 1999", 14),
    _act("Welfare Reform Act 2012", 5),
    _act("Health and Social Care Act 2012", 7),
    _act("Equality Act 2010", 15),
    _act("Mental Capacity Act 2005", 9),
    _act("Mental Health Act 1983", 20),
    # Often cited by other council notices.
    _act("Data Protection Act 2018", 12, "DPA"),
    _act("Data Protection Act 1998", 29),  # repealed on 25 May 2018: cited by old notices
    _act("Data (Use and Access) Act 2025", 18),
    _act("Children Act 1989", 41),
    _act("Education Act 1996", 56),
    _act("Housing Act 1996", 52),
    _act("Care Act 2014", 23),
    _act("Human Rights Act 1998", 42),
    _act("Freedom of Information Act 2000", 36),
    _act("Local Government Act 1972", 70),
    _act("Homelessness Reduction Act 2017", 13),
    _act("Domestic Abuse Act 2021", 17),
    _act("Childcare Act 2006", 21),
    _act("Children and Social Work Act 2017", 16),
    _act("Anti-social Behaviour, Crime and Policing Act 2014", 12),
    _act("Counter-Terrorism and Security Act 2015", 6),
    _act("Safeguarding Vulnerable Groups Act 2006", 47),
    _act("Adoption and Children Act 2002", 38),
    _act("Academies Act 2010", 32),
    _act("Education and Inspections Act 2006", 40),
    _act("Criminal Justice and Court Services Act 2000", 43),
    _act("Health and Care Act 2022", None),
    _si("Privacy and Electronic Communications (EC Directive) Regulations 2003", 2426, "PECR"),
)
