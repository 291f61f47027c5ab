#!/usr/bin/env python3
"""Rewrites the toolset and tool tables in README.md (between their markers) from tools.json and the
toolsets list (`replicas-mcp tools --toolsets`)."""
import json
import sys

TOOLS = ("<!-- tools:start -->", "<!-- tools:end -->")
TOOLSETS = ("<!-- toolsets:start -->", "<!-- toolsets:end -->")
ALWAYS = "dynamic"


def wire_bytes(tool):
    """What the tool costs in a tools/list answer: its entry as compact JSON, without the toolset."""
    entry = {k: v for k, v in tool.items() if k != "toolset"}
    return len(json.dumps(entry, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def kb(size):
    return f"{size / 1024:.1f}"


def toolset_table(tools, toolsets):
    rows = ["| Toolset | On by default | Tools | KB | What it holds |", "|---|---|---|---|---|"]
    default_bytes = 0
    default_tools = 0
    for toolset in toolsets + [{"name": ALWAYS, "default": True,
                                "description": "list_toolsets and enable_toolset (always on)"}]:
        members = [t for t in tools if t["toolset"] == toolset["name"]]
        size = sum(wire_bytes(t) for t in members)
        if toolset["default"]:
            default_bytes += size
            default_tools += len(members)
        on = "yes" if toolset["default"] else "no"
        rows.append(f"| `{toolset['name']}` | {on} | {len(members)} | {kb(size)} | {toolset['description']} |")
    total = sum(wire_bytes(t) for t in tools)
    rows.append(f"| **default** | | {default_tools} | {kb(default_bytes)} | what `tools/list` answers with no "
                f"`--toolsets` |")
    rows.append(f"| **all** | | {len(tools)} | {kb(total)} | `--toolsets all` |")
    return "\n".join(rows)


def tool_table(tools):
    rows = ["| Tool | Toolset | Kind | What it does |", "|---|---|---|---|"]
    for tool in tools:
        hints = tool["annotations"]
        kind = "read-only" if hints["readOnlyHint"] else ("destructive" if hints["destructiveHint"] else "writes")
        first = tool["description"].split(". ")[0].rstrip(".") + "."
        rows.append(f"| `{tool['name']}` | {tool['toolset']} | {kind} | {first} |")
    return "\n".join(rows)


def replace(readme, markers, body, path):
    start, end = markers
    if start not in readme or end not in readme:
        sys.exit(f"{path} has no {start} ... {end} block")
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body}\n{end}{tail}"


def main(tools_path, readme_path, toolsets_path):
    tools = json.load(open(tools_path, encoding="utf-8"))
    toolsets = json.load(open(toolsets_path, encoding="utf-8"))
    readme = open(readme_path, encoding="utf-8").read()
    readme = replace(readme, TOOLSETS, toolset_table(tools, toolsets), readme_path)
    readme = replace(readme, TOOLS, tool_table(tools), readme_path)
    open(readme_path, "w", encoding="utf-8").write(readme)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
