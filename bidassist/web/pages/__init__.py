"""The pages: each module gives `routes()` and calls the library's public functions."""
