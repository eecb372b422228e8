"""`bidassist serve`: a local web page over the library — contract review, pricing, cost sheets and
tender documents — for reviewers, bid managers and finance. Pages are rendered on the server
(Jinja2); each action calls the same public library functions as the CLI."""

from bidassist.web.app import create_app
from bidassist.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]
