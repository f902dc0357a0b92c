"""Hungarian health-service entitlement on one's own notification ("egyéni bejelentés").

Legal basis: Tbj. (2019. évi CXXII. törvény) 22. § (1) j) and k), with (3) (domestic status) and
(7) a); the entitlement after the condition ends: Ebtv. (1997. évi LXXXIII. törvény) 29. § (9)–(10).
NEAK's page "Egyéni bejelentés" (2023-01-04) explains the procedure. Two calculators:
`eligibility` (am I entitled on a date?) and `coverage_end` (until when am I covered after the
notified condition ends?). Every source is an id in the sources registry (calculators/sources.toml).
"""

from __future__ import annotations

from calculators.core import sources
from calculators.core.i18n import Text
from calculators.core.results import Step

# The health insurer's page itself (no stable public address is known).
NEAK_PAGE = "neak-self-notification"


def step(code: str, message: Text, reference: str, source_id: str) -> Step:
    """A why-step citing `reference` (to the point, e.g. "Tbj. 22. § (1) j)") in the registry source."""
    return Step(code, message, reference, sources.source(source_id).url)


def neak_step(code: str, message: Text) -> Step:
    """A why-step whose source is NEAK's page (the procedure, the documents, the start dates)."""
    return Step(code, message, sources.source(NEAK_PAGE).title)
