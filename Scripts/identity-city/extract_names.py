#!/usr/bin/env python3
"""Copies the name tables the independent city draws from out of Faker's person providers
(PyPI `faker`, MIT) into `names/`, one file a table, so that `generate.py` runs on the standard
library alone and the tables stay fixed whatever Faker version is installed later.

    python3 -m venv /tmp/city-venv && /tmp/city-venv/bin/pip install faker==40.63.0
    /tmp/city-venv/bin/python Scripts/identity-city/extract_names.py

Each file holds `name<TAB>weight` lines (weight 1 where Faker gives none), in Faker's order.
"""
import importlib
import os
import sys

# locale -> the provider attributes taken, under the file name they are written to.
TABLES = {
    "pt_BR": {"male": "first_names_male", "female": "first_names_female", "family": "last_names"},
    "es_CO": {"male": "first_names_male", "female": "first_names_female", "family": "last_names"},
    "es_MX": {"male": "first_names_male", "female": "first_names_female", "family": "last_names"},
    "en_US": {"male": "first_names_male", "female": "first_names_female", "family": "last_names"},
    "vi_VN": {"male": "first_names_male", "female": "first_names_female", "unisex": "first_names_unisex",
              "middle": "middle_names", "family": "last_names"},
    "zh_CN": {"given": "first_romanized_names", "family": "last_romanized_names"},
    "ko_KR": {"male": "first_names_male", "female": "first_names_female", "family": "last_names"},
    "id_ID": {"male": "first_names_male", "female": "first_names_female", "family": "last_names"},
    "de_DE": {"male": "first_names_male", "female": "first_names_female", "family": "last_names"},
    "fr_FR": {"male": "first_names_male", "female": "first_names_female", "family": "last_names"},
    "it_IT": {"male": "first_names_male", "female": "first_names_female", "family": "last_names"},
    "pl_PL": {"male": "first_names_male", "female": "first_names_female", "family": "unisex_last_names"},
}


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "names")
    os.makedirs(out, exist_ok=True)
    for locale, tables in TABLES.items():
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for name, attribute in tables.items():
            values = getattr(provider, attribute)
            weighted = values.items() if hasattr(values, "items") else ((v, 1) for v in values)
            seen = set()
            with open(os.path.join(out, f"{locale}.{name}.tsv"), "w", encoding="utf-8") as f:
                for value, weight in weighted:
                    if value in seen:
                        continue
                    seen.add(value)
                    f.write(f"{value}\t{weight}\n")
    import faker
    print(f"wrote {out} from faker {faker.VERSION}", file=sys.stderr)


if __name__ == "__main__":
    main()
