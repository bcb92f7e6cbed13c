"""How every ``kg`` command ends: one ``kg: error: ...`` line and exit code 2 for what the user got wrong (a
bad option or value as much as a missing graph), and a pointer to the issue tracker for anything else.

The handling lives in the command group's ``main`` (typer's own extension point, ``typer.Typer(cls=...)``),
so the console script and typer's test runner go through the same code. Typer >= 0.2x vendors its own copy
of click and older typer uses click itself; kg imports neither directly. The parser's error class is found
as the base of ``typer.BadParameter``, which every typer exports.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from kg.errors import KgError

# The command-line parser's errors (no such option, not an integer, ...): click's ClickException, whichever
# copy of click this typer uses.
_PARSER_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
_ABORT = tuple({typer.Abort, *(c for c in typer.BadParameter.__mro__ if c.__name__ == "Abort")})


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"kg: error: {message}", err=True)
    sys.exit(code)


def _parser_message(exc: Exception) -> str:
    """The parser's message on one line, with the command whose help to read."""
    message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message


class KgGroup(TyperGroup):
    """The ``kg`` group: typer's, with kg's way of ending on errors."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name or "kg", complete_var, standalone_mode=False, **extra)
        except KgError as exc:
            fail(str(exc))
        except _PARSER_ERROR as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare ``kg``: the help, as typer shows it
                typer.echo(exc.format_message(), err=True)  # type: ignore[attr-defined]
                sys.exit(2)
            fail(_parser_message(exc))
        except (*_ABORT, KeyboardInterrupt):
            typer.echo("kg: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the one place internal errors are turned into a message
            typer.echo(f"kg: internal error: {type(exc).__name__}: {exc}\n"
                       "Please report it with the command you ran at the project's issue tracker.", err=True)
            sys.exit(70)
        sys.exit(code if isinstance(code, int) else 0)  # typer.Exit(n) comes back as n when not standalone
