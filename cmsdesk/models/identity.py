"""Who is editing: the profile every change is attributed to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROLES = ("delegate", "focal point", "secretariat")
# The English names of the six CMS regions, as in resources/parties.json (a test compares them);
# written out so that the start of the app need not read the list.
REGIONS = ("Africa", "Asia", "Central and South America and the Caribbean", "Europe",
           "North America", "Oceania")


@dataclass(frozen=True)
class Profile:
    """Name, Party or organisation, CMS region and role of the person at this installation."""

    name: str = ""
    party: str = ""
    region: str = ""
    role: str = "delegate"

    def to_json(self) -> dict[str, str]:
        # written out: dataclasses.asdict deep-copies, and merges call this for every proposer
        return {"name": self.name, "party": self.party, "region": self.region, "role": self.role}

    @classmethod
    def from_json(cls, raw: str | dict[str, Any]) -> Profile:
        import json

        data = json.loads(raw) if isinstance(raw, str) else raw
        return cls(**{k: str(data.get(k, "")) for k in ("name", "party", "region", "role")})

    def label(self) -> str:
        """How a proposer is named in bracketed options: the Party, else the person."""
        return self.party or self.name or "unknown"

    def describe(self) -> str:
        from cmsdesk.models.parties import PARTY, kind_of

        kind = kind_of(self.party) if self.party else PARTY
        bits = [b for b in (self.party, "" if kind == PARTY else kind, self.region, self.role)
                if b]
        return f"{self.name or '(no name)'}" + (f" ({', '.join(bits)})" if bits else "")
