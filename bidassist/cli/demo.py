"""`bidassist demo`: the main job on the bundled example, end to end."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo_cmd(
        bid_file: Path | None = typer.Argument(None, help="Bid file; default: the bundled example."),
        out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for the outputs."),
        force: bool = typer.Option(False, "--force", help="Overwrite outputs from an earlier run."),
    ) -> None:
        """Run the whole job: cost sheet → price range → tender documents → contract check.
        一键运行：成本 → 报价区间 → 投标文件 → 合同审查。"""
        from bidassist.cli.main_job import run_main_job_printed
        from bidassist.workflow import default_example

        run_main_job_printed(bid_file or default_example(), out, force=force)
