"""Write resources/parties.json: the CMS Parties, observer States, organisations and regions.

Run by hand when the membership of the Convention changes (a State accedes), with Babel installed
(``pip install "babel>=2.14,<3"``; it is not a dependency of cmsdesk, which reads only the JSON):

    python tools/make_parties.py

The list of Parties and their CMS regions is kept here, from the CMS Secretariat's "Parties and
Range States" (www.cms.int/en/parties-range-states); English, French and Spanish country names
come from the Unicode CLDR through Babel, with the English name replaced by the short name the
Secretariat uses where it differs. Check the result against the Secretariat's list before a COP.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from babel import Locale

AS_OF = "2018"  # complete up to the newest accession the table we read lists (Trinidad and Tobago, no. 127)
CHECKED = "2026-12-05"  # the day the list was compared with the Secretariat's table

# Parties that acceded after the table we read, each added only from the Secretariat's own
# announcement of its accession: code -> (CMS region, in force from ("" where the announcement
# does not say), announced on, Party number, source).
LATER_PARTIES = {
    "MW": ("africa", "2019-09-01", "2019-08-30", 129,
           "CMS Secretariat, \"Malawi \u2013 Party No 129\", 30 August 2019 "
           "(www.cms.int/es/node/18324): the Republic of Malawi becomes the 129th Party on 1 "
           "September 2019"),
    "TM": ("asia", "", "2020-12-31", 132,
           "CMS Secretariat, news \"Turkmenistan Accedes to CMS and AEWA\", 31 December 2020 "
           "(www.cms.int/en/news): Turkmenistan has acceded to the Convention, becoming the 132nd "
           "Party and bringing membership in the Asian region to 20 (the date it is in force from "
           "is not stated)"),
}
NEWEST_IN_TABLE = 127  # the Party number of the newest entry of the table we read
COUNTED = 133  # the Parties the Secretariat counted in 2024

SOURCE = ("CMS Secretariat, \"Parties and Range States\" table (www.cms.int/en/parties-range-"
          "states): each Party, its CMS region and accession year as that table listed them in its "
          "archived copies read on " + CHECKED + " (the newest entry seen: Trinidad and Tobago, "
          "Party no. 127, " + AS_OF + "); added since, from the Secretariat's announcement of the "
          "accession (see later_parties): {later}. So {parties} of the " + str(COUNTED) + " Parties the "
          "Secretariat counted in 2024 are listed: {missing} missing (no announcement of theirs "
          "was found in the pages searched): check against the Secretariat's list before a "
          "meeting; names: Unicode CLDR through Babel, English short names as the Secretariat "
          "writes them")

# Other spellings of a region's name: the Secretariat's table writes "South & Central America &
# The Caribbean".
REGION_ALIASES = {"csa": ["South and Central America and the Caribbean",
                          "South & Central America & The Caribbean",
                          "Latin America and the Caribbean"]}

REGIONS = {  # code: (English, French, Spanish), as in the COP documents
    "africa": ("Africa", "Afrique", "África"),
    "asia": ("Asia", "Asie", "Asia"),
    "csa": ("Central and South America and the Caribbean",
            "Amérique centrale et du Sud et Caraïbes", "América Central y del Sur y el Caribe"),
    "europe": ("Europe", "Europe", "Europa"),
    "north-america": ("North America", "Amérique du Nord", "América del Norte"),
    "oceania": ("Oceania", "Océanie", "Oceanía"),
}

PARTIES = {
    "africa": "DZ AO BJ BF BI CV CM TD CG CI CD DJ EG GQ ER SZ ET GA GM GH GN GW KE LR LY MG ML MR "
          "MU MA MZ NE NG RW ST SN SC SO ZA TZ TG TN UG ZW MW",
    "asia": "AF BD IN IR IQ IL JO KZ KG MN PK PH SA LK SY TJ AE UZ YE TM",
    "csa": "AG AR BO BR CL CR CU DO EC HN PA PY PE TT UY",
    "europe": "AL AM AT BY BE BA BG HR CY CZ DK EE EU FI FR GE DE GR HU IE IT LV LI LT LU MT MC ME "
          "NL MK NO PL PT MD RO RS SK SI ES SE CH UA GB",
    "oceania": "AU CK FJ NZ PW WS",
}

# Other States of the United Nations: observers, not Parties (a delegate may still draft).
OBSERVER_STATES = {
    "africa": "BW CF KM LS NA SD SS SL ZM",
    "asia": "BH BT BN KH CN KP JP KW LA LB MY MV MM NP OM QA KR SG TH TL TR VN",
    "csa": "BS BB BZ CO DM SV GD GT GY HT JM KN LC VC NI SR VE",
    "europe": "AD AZ IS RU SM",
    "north-america": "CA MX US",
    "oceania": "KI MH FM NR PG SB TO TV VU",
}

ORGANISATIONS = {  # code: (English, French, Spanish)
    "CMS": ("CMS Secretariat", "Secrétariat de la CMS", "Secretaría de la CMS"),
    "UNEP": ("United Nations Environment Programme", "Programme des Nations Unies pour "
             "l'environnement", "Programa de las Naciones Unidas para el Medio Ambiente"),
    "FAO": ("Food and Agriculture Organization of the United Nations", "Organisation des Nations "
            "Unies pour l'alimentation et l'agriculture", "Organización de las Naciones Unidas "
            "para la Alimentación y la Agricultura"),
    "CBD": ("Secretariat of the Convention on Biological Diversity", "Secrétariat de la "
            "Convention sur la diversité biologique", "Secretaría del Convenio sobre la "
            "Diversidad Biológica"),
    "RAMSAR": ("Ramsar Convention Secretariat", "Secrétariat de la Convention de Ramsar",
               "Secretaría de la Convención de Ramsar"),
    "IUCN": ("International Union for Conservation of Nature", "Union internationale pour la "
             "conservation de la nature", "Unión Internacional para la Conservación de la "
             "Naturaleza"),
    "BLI": ("BirdLife International", "BirdLife International", "BirdLife International"),
    "WI": ("Wetlands International", "Wetlands International", "Wetlands International"),
    "WWF": ("WWF", "WWF", "WWF"),
    "WCS": ("Wildlife Conservation Society", "Wildlife Conservation Society",
            "Wildlife Conservation Society"),
}

# English short names as the Secretariat writes them, where CLDR's differ.
ENGLISH = {
    "BO": "Bolivia (Plurinational State of)", "CD": "Democratic Republic of the Congo",
    "CG": "Congo", "CI": "Côte d'Ivoire", "CZ": "Czech Republic", "EU": "European Union",
    "FM": "Micronesia (Federated States of)", "GB": "United Kingdom",
    "IR": "Iran (Islamic Republic of)", "KP": "Democratic People's Republic of Korea",
    "KR": "Republic of Korea", "LA": "Lao People's Democratic Republic",
    "MD": "Republic of Moldova", "MK": "North Macedonia", "RU": "Russian Federation",
    "ST": "Sao Tome and Principe", "SY": "Syrian Arab Republic", "TZ": "United Republic of "
    "Tanzania", "US": "United States of America", "VE": "Venezuela (Bolivarian Republic of)",
    "VN": "Viet Nam", "TR": "Türkiye", "SZ": "Eswatini", "MM": "Myanmar", "BN": "Brunei "
    "Darussalam", "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines",
    "LC": "Saint Lucia",
}

# Other names people type: former names, CLDR's forms, common short forms.
ALIASES = {
    "BO": ["Bolivia"], "CD": ["DR Congo", "Congo-Kinshasa", "Congo (Kinshasa)"],
    "CG": ["Congo-Brazzaville", "Congo (Brazzaville)", "Republic of the Congo"],
    "CI": ["Ivory Coast"], "CZ": ["Czechia"], "GB": ["UK", "Great Britain", "Britain"],
    "IR": ["Iran"], "KR": ["South Korea"], "KP": ["North Korea"], "LA": ["Laos"],
    "MD": ["Moldova"], "MK": ["Macedonia", "The former Yugoslav Republic of Macedonia"],
    "RU": ["Russia"], "SY": ["Syria"], "TZ": ["Tanzania"], "US": ["USA", "United States"],
    "VE": ["Venezuela"], "VN": ["Vietnam"], "TR": ["Turkey"], "SZ": ["Swaziland"],
    "CV": ["Cape Verde"], "FM": ["Micronesia"], "NL": ["Holland"], "EU": ["EU"],
    "CMS": ["Secretariat", "UNEP/CMS Secretariat", "UNEP/CMS", "CMS"], "UNEP": ["UN Environment"],
}


def _names(code: str, locales: dict[str, Locale]) -> dict[str, str]:
    names = {lang: loc.territories[code] for lang, loc in locales.items()}
    names["en"] = ENGLISH.get(code, names["en"].replace(" & ", " and ").replace("St. ", "Saint "))
    return names


def _missing(numbers: list[int]) -> str:
    """"Parties no. 128, 130 and 133 are" (or "Party no. 128 is")."""
    if len(numbers) == 1:
        return f"Party no. {numbers[0]} is"
    listed = ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
    return f"Parties no. {listed} are"


def build() -> dict[str, object]:
    locales = {lang: Locale(lang) for lang in ("en", "fr", "es")}

    def states(table: dict[str, str], kind: str) -> list[dict[str, object]]:
        rows = [{"code": code, "kind": kind, "region": region, "names": _names(code, locales),
                 "aliases": ALIASES.get(code, [])}
                | ({"in_force": LATER_PARTIES[code][1]}
                   if code in LATER_PARTIES and LATER_PARTIES[code][1] else {})
                for region, codes in table.items() for code in codes.split()]
        return sorted(rows, key=lambda r: str(r["code"]))

    parties = states(PARTIES, "party")
    for code, (region, _since, _announced, _no, _source) in LATER_PARTIES.items():
        assert code in PARTIES[region].split(), f"{code}: add it to PARTIES[{region!r}]"
    numbers = {no for _r, _s, _a, no, _src in LATER_PARTIES.values()}
    missing = [n for n in range(NEWEST_IN_TABLE + 1, COUNTED + 1) if n not in numbers]
    assert len(parties) + len(missing) == COUNTED, "a Party is listed twice or not at all"

    orgs = [{"code": code, "kind": "organisation", "region": "",
             "names": dict(zip(("en", "fr", "es"), names, strict=True)),
             "aliases": ALIASES.get(code, [])} for code, names in sorted(ORGANISATIONS.items())]
    return {
        "source": SOURCE.format(parties=len(parties), missing=_missing(missing), later=", ".join(
            f"{_names(code, locales)['en']} (Party no. {no}, "
            + (f"in force from {since})" if since else f"announced {announced})")
            for code, (_r, since, announced, no, _s) in LATER_PARTIES.items())),
        "as_of": AS_OF, "checked": CHECKED,
        "later_parties": [{"code": code, "region": region, "in_force": since,
                           "announced": announced, "party_no": no, "source": source}
                          for code, (region, since, announced, no, source)
                          in LATER_PARTIES.items()],
        "generated": date.today().isoformat(),
        "regions": [{"code": c, "names": dict(zip(("en", "fr", "es"), n, strict=True)),
                     "aliases": REGION_ALIASES.get(c, [])} for c, n in REGIONS.items()],
        "parties": parties,
        "observers": states(OBSERVER_STATES, "observer state") + orgs,
    }


def main() -> int:
    out = Path(__file__).resolve().parent.parent / "resources" / "parties.json"
    doc = build()
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(doc['parties'])} Parties, {len(doc['observers'])} observers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
