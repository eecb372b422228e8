"""`bidassist --help` starts without the heavy libraries: each command imports what it uses when it
runs (issue 17). Checked on sys.modules in a fresh interpreter, not by timing."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "openpyxl",
    "numpy",
    "scipy",
    "numba",
    "pydantic",
    "sqlalchemy",
    "starlette",
    "jinja2",
    "docxtpl",
    "lxml",
    "rich",  # help is plain; a console imports rich when it first prints (cli/consoles.py)
    "markdown_it",
)
CODE = "import sys, json, bidassist.cli.app; print(json.dumps(sorted(sys.modules)))"


def _modules(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_importing_the_cli_imports_no_heavy_library():
    loaded = _modules(CODE)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert heavy == []
    assert "bidassist.cli.price" in loaded  # the commands are registered all the same


def test_the_check_is_not_vacuous():
    """The same check sees the heavy libraries once a command's library is imported."""
    loaded = _modules(
        "import sys, json, bidassist.cli.app, bidassist.pricing; print(json.dumps(sorted(sys.modules)))"
    )
    assert {"numpy", "pydantic"} <= {m.split(".")[0] for m in loaded}


def test_help_itself_imports_no_rich():
    """`--help` (the plain layout of cli/helpfmt.py) is printed without rich or its markdown parser."""
    code = (
        "import sys, json, contextlib, io\n"
        "from bidassist.cli.app import app\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        app(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "assert 'accounts' in out.getvalue() and '大客户分析' in out.getvalue()\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    loaded = _modules(code)
    assert sorted(m for m in loaded if m.split(".")[0] in HEAVY) == []
