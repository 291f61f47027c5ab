#!/usr/bin/env python3
"""Rewrites the tool table in README.md (between the tools markers) from tools.json."""
import json
import sys

START, END = "<!-- tools:start -->", "<!-- tools:end -->"


def table(tools):
    rows = ["| Tool | Toolset | Kind | What it does |", "|---|---|---|---|"]
    for tool in tools:
        hints = tool["annotations"]
        kind = "read-only" if hints["readOnlyHint"] else ("destructive" if hints["destructiveHint"] else "writes")
        first = tool["description"].split(". ")[0].rstrip(".") + "."
        rows.append(f"| `{tool['name']}` | {tool['toolset']} | {kind} | {first} |")
    return "\n".join(rows)


def main(tools_path, readme_path):
    tools = json.load(open(tools_path, encoding="utf-8"))
    readme = open(readme_path, encoding="utf-8").read()
    if START not in readme or END not in readme:
        sys.exit(f"{readme_path} has no {START} ... {END} block")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    open(readme_path, "w", encoding="utf-8").write(f"{head}{START}\n{table(tools)}\n{END}{tail}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
