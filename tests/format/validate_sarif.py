#!/usr/bin/env python3
"""Validates a SARIF file against the SARIF 2.1.0 JSON schema, plus the few things GitHub code
scanning needs beyond the schema.

usage: validate_sarif.py FILE [SCHEMA]
SCHEMA defaults to ../shared/external-schemas/sarif-schema-2.1.0.json beside the repository.
Exit status: 0 valid, 1 invalid, 77 skipped (no jsonschema module or no schema file).
"""

import json
import pathlib
import sys

SKIP = 77


def github_problems(log):
    """GitHub rejects or misfiles results without these, though the schema allows it."""
    problems = []
    for run in log.get("runs", []):
        rules = run["tool"]["driver"].get("rules", [])
        ids = [rule["id"] for rule in rules]
        for number, result in enumerate(run.get("results", [])):
            where = f"result {number}"
            if "ruleId" not in result:
                problems.append(f"{where}: no ruleId")
            index = result.get("ruleIndex")
            if index is not None and (index >= len(ids) or ids[index] != result.get("ruleId")):
                problems.append(f"{where}: ruleIndex {index} does not point at rule {result.get('ruleId')}")
            locations = result.get("locations", [])
            if not locations:
                problems.append(f"{where}: no locations")
            for location in locations:
                physical = location.get("physicalLocation", {})
                if "uri" not in physical.get("artifactLocation", {}):
                    problems.append(f"{where}: location without artifactLocation.uri")
                if "startLine" not in physical.get("region", {}):
                    problems.append(f"{where}: region without startLine")
    return problems


def fix_problems(log):
    """Fixes must be applicable: every replacement names its bytes, on the result's own file."""
    problems = []
    for run in log.get("runs", []):
        for number, result in enumerate(run.get("results", [])):
            uris = {loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
                    for loc in result.get("locations", [])}
            for fix in result.get("fixes", []):
                for change in fix.get("artifactChanges", []):
                    if change.get("artifactLocation", {}).get("uri") not in uris:
                        problems.append(f"result {number}: a fix changes another file than the result's")
                    for replacement in change.get("replacements", []):
                        region = replacement.get("deletedRegion", {})
                        if "byteOffset" not in region or "byteLength" not in region:
                            problems.append(f"result {number}: a fix replacement without byteOffset/byteLength")
                        if "startLine" in region and region.get("endLine", region["startLine"]) < region["startLine"]:
                            problems.append(f"result {number}: a fix replacement ends before it starts")
    return problems


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("skipped: the python jsonschema module is not installed")
        return SKIP
    if len(argv) == 3:
        schema_path = pathlib.Path(argv[2])
    else:
        repo = pathlib.Path(__file__).resolve().parents[2]
        schema_path = repo.parent / "shared" / "external-schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        print(f"skipped: no schema at {schema_path}")
        return SKIP

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    log = json.loads(pathlib.Path(argv[1]).read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema, default=jsonschema.Draft4Validator)
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.absolute_path))
    problems = [f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}" for error in errors]
    problems += github_problems(log)
    problems += fix_problems(log)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
