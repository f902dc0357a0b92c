"""A small JSON Schema validator for the subset of draft 2020-12 that outcome.schema.json uses
(type, also a list of types, enum, required, properties, additionalProperties, items, $ref to #/$defs, anyOf, oneOf,
minimum, format "date"). Test code only: the calculators stay standard-library only, and this
avoids a test dependency for forty lines. A keyword it does not know is an error, so the schema
cannot quietly grow past what is checked."""

from __future__ import annotations

import datetime as dt

KNOWN = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "required", "properties",
         "additionalProperties", "items", "anyOf", "oneOf", "minimum", "format"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _is_type(value: object, name: str | list[str]) -> bool:
    if isinstance(name, list):  # "type": ["string", "null"]: any of them
        return any(_is_type(value, n) for n in name)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, TYPES[name])


def errors(value: object, schema: dict, root: dict | None = None, path: str = "$") -> list[str]:
    """Every way `value` breaks `schema`, as "path: reason"; empty when it conforms."""
    root = root or schema
    unknown = set(schema) - KNOWN
    if unknown:
        raise ValueError(f"schema keywords not supported here: {sorted(unknown)}")
    if "$ref" in schema:
        prefix = "#/$defs/"
        assert schema["$ref"].startswith(prefix), schema["$ref"]
        return errors(value, root["$defs"][schema["$ref"][len(prefix):]], root, path)
    found: list[str] = []
    if "type" in schema and not _is_type(value, schema["type"]):
        return [f"{path}: {value!r} is not of type {schema['type']}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if "minimum" in schema and value < schema["minimum"]:
        found.append(f"{path}: {value!r} is below {schema['minimum']}")
    if schema.get("format") == "date":
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            found.append(f"{path}: {value!r} is not a date")
    if "anyOf" in schema and all(errors(value, s, root, path) for s in schema["anyOf"]):
        found.append(f"{path}: matches none of anyOf")
    if "oneOf" in schema and sum(not errors(value, s, root, path) for s in schema["oneOf"]) != 1:
        found.append(f"{path}: does not match exactly one of oneOf")
    if isinstance(value, dict):
        found += [f"{path}: {key!r} is required" for key in schema.get("required", ()) if key not in value]
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                found += errors(item, properties[key], root, f"{path}.{key}")
            elif extra is False:
                found.append(f"{path}: {key!r} is not allowed")
            elif isinstance(extra, dict):
                found += errors(item, extra, root, f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += errors(item, schema["items"], root, f"{path}[{i}]")
    return found
