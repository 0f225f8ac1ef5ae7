"""Why a change is held in quarantine: a code and its arguments, not a sentence.

The store keeps the reason as a code (``quarantine.reason``) and its arguments as JSON
(``quarantine.reason_args``), so that each reader tells it in its own language: the command line
in English (:func:`english`), the window in the interface's language (``ui/labels.py``). A
sentence stored in English would show inside a French or Spanish window's translated line.

The codes (:mod:`cmsdesk.sync.quarantine` decides which applies):

* ``unregistered_key``: the change claims a registered Party (``party``, whose keys are
  ``keys``) with a key that is not registered;
* ``key_of_other_party``: its key (``key``) is registered for another Party
  (``registered_for``) than the one it claims (``party``);
* ``recording_by_party_key``: it claims to be recorded at the Secretariat from ``party``'s
  ``channel`` ("Word reply" or "letter"), but its key is registered for a Party;
* ``recording_other_key``: it claims to be recorded from ``party``'s ``channel`` by
  ``recorder`` (this installation or the Secretariat), but it is signed with another key than
  the recorder's (``recorder_key``);
* ``builds_on_held``: it builds on a change held in quarantine;
* ``legacy``: a sentence stored before the codes that migration 0014 could not read (``text``,
  shown as it is).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

UNREGISTERED_KEY = "unregistered_key"
KEY_OF_OTHER_PARTY = "key_of_other_party"
RECORDING_BY_PARTY_KEY = "recording_by_party_key"
RECORDING_OTHER_KEY = "recording_other_key"
BUILDS_ON_HELD = "builds_on_held"
LEGACY = "legacy"
CODES = (UNREGISTERED_KEY, KEY_OF_OTHER_PARTY, RECORDING_BY_PARTY_KEY, RECORDING_OTHER_KEY,
         BUILDS_ON_HELD, LEGACY)

# who recorded a recording, as ``recorder`` names it
THIS_INSTALLATION = "this installation"
SECRETARIAT = "secretariat"


@dataclass(frozen=True)
class HeldReason:
    """One reason, hashable (reports group held changes by it)."""

    code: str
    party: str = ""  # the Party the change claims (a recording: the Party recorded from)
    key: str = ""  # the fingerprint of the key that signed it
    registered_for: str = ""  # the Party that key is registered for
    keys: tuple[str, ...] = ()  # the fingerprints of the keys registered for ``party``
    channel: str = ""  # a recording's channel: "Word reply" | "letter"
    recorder: str = ""  # a recording's recorder: THIS_INSTALLATION | SECRETARIAT
    recorder_key: str = ""  # the fingerprint of the recorder's key
    text: str = ""  # LEGACY only

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown quarantine reason {self.code!r}")

    def args_json(self) -> str:
        """The arguments as stored: compact JSON of those that are set."""
        args = {k: list(v) if isinstance(v, tuple) else v
                for k, v in asdict(self).items() if k != "code" and v}
        return json.dumps(args, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def stored(cls, code: str, args_json: str) -> HeldReason:
        """The reason a row holds; a code this version does not know is told as legacy text."""
        try:
            raw = json.loads(args_json or "{}")
        except ValueError:
            raw = {}
        known = {f.name for f in fields(cls)} - {"code"}
        args = {k: tuple(v) if isinstance(v, list) else v
                for k, v in (raw.items() if isinstance(raw, dict) else ()) if k in known}
        if code not in CODES:
            return cls(LEGACY, text=str(args.get("text") or code))
        return cls(code, **args)

    def as_json(self) -> dict[str, object]:
        """For ``--json`` output: the code and its arguments."""
        return {"code": self.code, **json.loads(self.args_json())}


def english(reason: HeldReason) -> str:
    """The reason as the command line says it."""
    r = reason
    party = r.party or "a Party"
    recorded = f"it claims to be recorded from {party}'s {r.channel}"
    if r.code == UNREGISTERED_KEY:
        return (f"it claims {r.party}, whose registered key is {', '.join(r.keys)}, with a key "
                "that is not registered")
    if r.code == KEY_OF_OTHER_PARTY:
        return f"it claims {r.party} but its key ({r.key}) is registered for {r.registered_for}"
    if r.code == RECORDING_BY_PARTY_KEY:
        return (f"{recorded}, but its key ({r.key}) is registered for {r.registered_for}: only "
                "the Secretariat records for a Party")
    if r.code == RECORDING_OTHER_KEY:
        by = "this installation" if r.recorder == THIS_INSTALLATION else "the Secretariat"
        return (f"{recorded} by {by}, but it is signed with another key ({r.key}) than the "
                f"recorder's ({r.recorder_key})")
    if r.code == BUILDS_ON_HELD:
        return "it builds on a change held in quarantine"
    return r.text
