"""`bidassist serve`: the local web page (contract review, pricing, cost sheets, documents)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import typer

from bidassist.core.errors import InputError


def _seed_example(workspace: Path) -> None:
    """Copy the bundled example into the workspace (never over existing files) and import its sales
    ledger into the workspace's store."""
    from bidassist.workflow import default_example, import_bid_ledger

    source = default_example().parent
    for path in source.iterdir():
        target = workspace / path.name
        if path.name.startswith("make_") or target.exists():
            continue
        if path.is_file():
            shutil.copy2(path, target)
        elif path.is_dir() and path.name != "__pycache__":
            shutil.copytree(path, target)
    import_bid_ledger(workspace / "bid.yaml", workspace / "bidassist.db")  # the accounts page's data


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("serve")
    def serve_cmd(
        workspace: Path = typer.Argument(
            Path("."),
            help="The workspace folder: bid files are listed from here and waivers.yaml is kept here.",
        ),
        host: str = typer.Option(
            "127.0.0.1",
            "--host",
            help="Address to listen on; anything but loopback needs --users or --token-file.",
        ),
        port: int = typer.Option(8000, "--port", help="Port to listen on."),
        users: Path | None = typer.Option(
            None,
            "--users",
            help="YAML users file (`users: {name: hash}`) for HTTP Basic login; hashes from --hash-password.",
        ),
        token_file: Path | None = typer.Option(
            None, "--token-file", help="File holding an access token (the password of the Basic login)."
        ),
        max_upload: int = typer.Option(20, "--max-upload", help="Largest upload in MB."),
        db: str | None = typer.Option(
            None,
            "--db",
            help="The bid-history store for the history page: a SQLite "
            "file or a postgresql:// URL (default: $BIDASSIST_DB, else "
            "bidassist.db in the workspace).",
        ),
        example: bool = typer.Option(
            False, "--example", help="Copy the bundled example into the workspace (creating it) first."
        ),
        hash_password: bool = typer.Option(
            False, "--hash-password", help="Read a password on standard input, print its hash, exit."
        ),
    ) -> None:
        """Start the web page on this machine (http://127.0.0.1:8000 by default).
        本地网页：合同审查、报价曲线、成本表错误定位、投标文件下载。"""
        from bidassist.web.auth import hash_password as make_hash

        if hash_password:
            typer.echo(make_hash(sys.stdin.readline().rstrip("\r\n")))
            return
        if not 1 <= port <= 65535:
            raise InputError(f"must be 1-65535, got {port}", "--port")
        if not 1 <= max_upload <= 100:
            raise InputError(f"must be 1-100 (MB), got {max_upload}", "--max-upload")
        if example:
            workspace.mkdir(parents=True, exist_ok=True)
            _seed_example(workspace)
        import uvicorn

        from bidassist.web import WebConfig, create_app
        from bidassist.web.auth import load_token, load_users

        config = WebConfig(
            workspace=workspace.resolve(),
            host=host,
            max_upload=max_upload * 2**20,
            users=load_users(users) if users else {},
            token=load_token(token_file) if token_file else None,
            db=db,
        )
        application = create_app(config)
        typer.echo(f"bidassist: http://{host}:{port}/  (workspace {config.workspace}; Ctrl-C stops)")
        uvicorn.run(application, host=host, port=port, log_level="warning")
