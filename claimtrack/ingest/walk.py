"""Finding article files below the paths given to an import.

Two files steer a folder walk:
- `manifest.json`: a list of {"file", "url", "outlet", "published", "byline"} objects
  (file relative to the manifest's folder) that gives metadata to files whose format
  carries none, such as .txt. It is metadata, never imported as an article.
- `.claimtrackignore`: glob patterns, one a line, relative to its folder, of files or
  folders to leave out (for example annotation data kept beside the articles).
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError

MANIFEST = "manifest.json"
IGNORE_FILE = ".claimtrackignore"
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")


def walk(paths: Iterable[str | Path]) -> Iterator[tuple[Path, dict[str, Any] | InputError | None]]:
    """Yield (file, metadata) pairs: files named directly, and supported files found
    below named folders in sorted order. Metadata is an InputError for a broken manifest."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_dir(path)
        else:
            yield path, _lookup(_manifest_for(path.parent), path.name) if path.parent.is_dir() else None


def _walk_dir(root: Path) -> Iterator[tuple[Path, dict[str, Any] | InputError | None]]:
    ignore = _ignore_patterns(root)
    manifests: dict[Path, dict[str, Any] | InputError] = {}
    for child in sorted(root.rglob("*")):
        rel = child.relative_to(root).as_posix()
        if not child.is_file() or child.name in (MANIFEST, IGNORE_FILE) or _ignored(rel, ignore):
            continue
        if any(part.startswith(".") for part in child.relative_to(root).parts):
            continue
        if child.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        folder = child.parent
        if folder not in manifests:
            manifests[folder] = _manifest_for(folder)
        yield child, _lookup(manifests[folder], child.name)


def _ignore_patterns(root: Path) -> list[str]:
    path = root / IGNORE_FILE
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip().rstrip("/") for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _ignored(rel: str, patterns: list[str]) -> bool:
    parts = rel.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(fnmatch.fnmatch(prefix, pat) for pat in patterns for prefix in prefixes)


def _lookup(manifest: dict[str, Any] | InputError, name: str) -> dict[str, Any] | InputError | None:
    # A broken manifest fails every file of its folder rather than importing them bare.
    return manifest if isinstance(manifest, InputError) else manifest.get(name)


def _manifest_for(folder: Path) -> dict[str, Any] | InputError:
    """File name -> metadata."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(entries, list):
            raise ValueError("expected a list of objects")
        result: dict[str, Any] = {}
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                raise ValueError("every entry needs a 'file' string")
            result[Path(entry["file"]).name] = {k: v for k, v in entry.items() if isinstance(v, str)}
        return result
    except (ValueError, UnicodeDecodeError) as exc:
        return InputError(str(path), f"broken manifest: {exc}")
