"""The command line: a thin layer; each command parses options, calls one library function and
prints its result."""
