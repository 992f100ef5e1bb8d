"""Effective settings: command line > RECONCILE_* environment > config file > defaults.

The config file is ``--config FILE`` or ``./config.toml`` when present.  It is
parsed with :mod:`tomllib`; nothing in it is evaluated.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

DEFAULT_DB = "sqlite:///reconcile.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable the tool reads.  ``origins`` says where each value came from."""

    db: str = DEFAULT_DB
    max_file_bytes: int = 20_000_000
    # extraction: seconds per document; past it the document keeps the claims found so far (0: none)
    time_budget: float = 30.0
    # engine: event identity across articles
    event_window_days: int = 3
    # claims whose event date is unknown may still join an event of the same place and kind
    undated_joins: bool = True
    # extraction: extra cue words users add, word -> canonical measure
    measure_cues: Mapping[str, str] = field(default_factory=dict)
    # engine: claimant aliases, alias -> canonical name
    claimant_aliases: Mapping[str, str] = field(default_factory=dict)
    origins: Mapping[str, str] = field(default_factory=dict)

    def describe(self) -> list[tuple[str, Any, str]]:
        """(key, value, origin) rows for ``reconcile config``."""
        rows = []
        for f in fields(self):
            if f.name == "origins":
                continue
            value = getattr(self, f.name)
            if isinstance(value, Mapping):
                value = dict(value)
            rows.append((f.name, value, self.origins.get(f.name, "default")))
        return rows


# config.toml table.key -> Settings field
_FILE_KEYS: dict[tuple[str, str], str] = {
    ("database", "url"): "db",
    ("ingest", "max_file_bytes"): "max_file_bytes",
    ("ingest", "time_budget"): "time_budget",
    ("engine", "event_window_days"): "event_window_days",
    ("engine", "undated_joins"): "undated_joins",
    ("extract", "measure_cues"): "measure_cues",
    ("engine", "claimant_aliases"): "claimant_aliases",
}
_ENV_KEYS: dict[str, str] = {
    "RECONCILE_DB": "db",
    "RECONCILE_MAX_FILE_BYTES": "max_file_bytes",
    "RECONCILE_TIME_BUDGET": "time_budget",
    "RECONCILE_EVENT_WINDOW_DAYS": "event_window_days",
}
_TYPES: dict[str, type] = {
    "db": str, "max_file_bytes": int, "time_budget": float, "event_window_days": int, "undated_joins": bool,
    "measure_cues": dict, "claimant_aliases": dict,
}


def _coerce(name: str, value: Any, origin: str) -> Any:
    want = _TYPES[name]
    try:
        if want is bool and isinstance(value, str):
            low = value.strip().lower()
            if low not in {"1", "0", "true", "false", "yes", "no"}:
                raise ValueError(value)
            return low in {"1", "true", "yes"}
        if want is dict:
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ValueError(value)
            return {str(k).lower(): v.lower() if name == "measure_cues" else v for k, v in value.items()}
        if want in (int, float) and isinstance(value, bool):
            raise ValueError(value)
        out = want(value)
        if want in (int, float) and not out >= 0:
            raise ValueError(value)
        return out
    except (TypeError, ValueError):
        what = "a whole number >= 0" if want is int else want.__name__
        raise ConfigError(f"{origin}: {name} must be {what}, got {value!r}") from None


def normalise_db(value: str) -> str:
    """A bare path becomes a SQLite URL; URLs pass through."""
    if "://" in value:
        return value
    return f"sqlite:///{value}"


def load_settings(
    *,
    config_path: str | os.PathLike[str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Build the effective settings.  ``overrides`` are command-line values (None = not given)."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}

    path: Path | None
    if config_path is not None:
        path = Path(config_path)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
    else:
        candidate = (cwd or Path.cwd()) / "config.toml"
        path = candidate if candidate.is_file() else None
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from None
        for (table, key), name in _FILE_KEYS.items():
            section = data.get(table, {})
            if isinstance(section, dict) and key in section:
                values[name] = _coerce(name, section[key], f"{path} [{table}] {key}")
                origins[name] = f"file {path}"
    for env, name in _ENV_KEYS.items():
        if environ.get(env):
            values[name] = _coerce(name, environ[env], env)
            origins[name] = f"env {env}"
    for name, value in (overrides or {}).items():
        if value is not None:
            values[name] = _coerce(name, value, f"--{name.replace('_', '-')}")
            origins[name] = "command line"
    if "db" in values:
        values["db"] = normalise_db(values["db"])
    return Settings(**values, origins=origins)
