"""The core is a library: importing annotations (and using it end to end) never loads Textual."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_annotations_never_imports_textual() -> None:
    code = textwrap.dedent("""
        import sys, pkgutil, importlib
        import annotations
        for m in pkgutil.walk_packages(annotations.__path__, "annotations."):
            importlib.import_module(m.name)
        from annotations.store import Store
        from annotations.models import Document
        s = Store(":memory:", annotator="x")
        s.insert_document(Document(id="d", text="Hello."))
        loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
        print(loaded)
        assert not loaded, loaded
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_headless_cli_commands_never_import_textual() -> None:
    code = textwrap.dedent("""
        import sys
        from click.testing import CliRunner
        from tui.cli import main
        import os
        from annotations.store import Store
        Store(os.environ["REDLINE_DB"]).close()  # list, stats and export refuse a missing one
        for args in (["list"], ["stats"], ["export", "-"]):
            r = CliRunner().invoke(main, args)
            assert r.exit_code == 0, r.output
        loaded = [m for m in sys.modules if m == "textual" or m.startswith("textual.")]
        assert not loaded, loaded
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
