"""Hungarian health-service entitlement on one's own notification ("egyéni bejelentés").

Source: NEAK, "Egyéni bejelentés" (2023-01-04; Kapu source page 003), legal basis Tbj.
(2019. évi CXXII. törvény) 22. §. Two calculators: `eligibility` (am I entitled on a date?)
and `coverage_end` (until when am I covered after the notified condition ends?).
"""

# Where every step's source points to when it is the health insurer's page itself.
SOURCE_003 = "NEAK: Egyéni bejelentés (2023-01-04)"
TBJ_22 = "Tbj. (2019. évi CXXII. törvény) 22. §"
