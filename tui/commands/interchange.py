"""Commands for teams and other tools: merge, agreement (filled in by the interchange work)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
