"""Where the data shipped inside the package lives: rule packs, templates, the bundled example.

They are package data (`bidassist/checklists`, `bidassist/templates`, `bidassist/examples`), found
with `importlib.resources`, so an installed wheel works outside the source checkout. The top-level
folders of the same names in a checkout are symbolic links to these.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def package_path(name: str) -> Path:
    """The folder `name` shipped inside the bidassist package, as a file-system path."""
    resource = files("bidassist").joinpath(name)
    with as_file(resource) as path:  # a real folder for every normal (unzipped) install
        return Path(path)
